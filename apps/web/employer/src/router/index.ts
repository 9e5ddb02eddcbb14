import { createRouter, createWebHistory } from 'vue-router';

import { installGuard } from './guard';
import { homeRoutes } from './routes/modules/home';

export const router = createRouter({
  history: createWebHistory('/e/'),
  routes: [
    { path: '/sign-in', name: 'sign-in', component: () => import('../views/sign-in/index.vue'), meta: { title: '登录', public: true } },
    ...homeRoutes,
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

installGuard(router);
