import type { Router } from 'vue-router';

import { session } from '../session';

/** Pages with `meta.auth` need a signed-in person: the others go to the sign-in page and come back. */
export function installGuard(router: Router): void {
  router.beforeEach((to) => {
    if (to.meta.auth && !session.signedIn.value) return { name: 'sign-in', query: { redirect: to.fullPath } };
    return true;
  });
  router.afterEach((to) => {
    document.title = `${(to.meta.title as string | undefined) ?? '找工作'} · 就业服务码`;
  });
}
