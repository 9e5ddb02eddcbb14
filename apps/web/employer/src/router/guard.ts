import type { Router } from 'vue-router';

import { messageOf } from '@shared/api-error';

import { session } from '../session';
import { company, loadCompany } from '../store/employer';

/**
 * Who may open what: every page but sign-in and sign-up needs a signed-in account; the
 * company's pages need a company (else: register it) that the county has verified (else:
 * the page that says verification is pending).
 */
export function installGuard(router: Router): void {
  router.beforeEach(async (to) => {
    if (to.meta.public) return true;
    if (!session.signedIn.value) return { name: 'sign-in', query: { next: to.fullPath } };
    try {
      await loadCompany();
    } catch (error) {
      if (!session.signedIn.value) return { name: 'sign-in', query: { next: to.fullPath } };
      company.loadError = messageOf(error);
      return true;
    }
    if (to.meta.anyCompany) return true;
    if (!company.current) return { name: 'company-register' };
    if (company.current.status !== 'VERIFIED') return { name: 'company-pending' };
    return true;
  });
  router.afterEach((to) => {
    document.title = `${(to.meta.title as string | undefined) ?? '首页'} · 用人单位 · 就业服务码`;
  });
}
