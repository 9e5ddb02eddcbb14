import { createRouter, createWebHistory } from 'vue-router';

import { jobRoutes } from './routes/modules/jobs';

export const router = createRouter({
  history: createWebHistory('/m/'),
  routes: [...jobRoutes, { path: '/:rest(.*)*', redirect: '/' }],
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

router.afterEach((to) => {
  document.title = `${(to.meta.title as string | undefined) ?? '找工作'} · 就业服务码`;
});
