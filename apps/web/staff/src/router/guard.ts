import type { Router } from 'vue-router';

import { session } from '../session';

/** Who may open what: every page but sign-in needs a signed-in account. */
export function installGuard(router: Router): void {
  router.beforeEach((to) => {
    if (!to.meta.public && !session.signedIn.value) return { name: 'sign-in', query: { next: to.fullPath } };
    return true;
  });
  router.afterEach((to) => {
    document.title = `${(to.meta.title as string | undefined) ?? '首页'} · 工作人员 · 就业服务码`;
  });
}
