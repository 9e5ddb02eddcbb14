import type { RouteRecordRaw } from 'vue-router';

export const authRoutes: RouteRecordRaw[] = [
  { path: '/sign-in', name: 'sign-in', component: () => import('../../../views/sign-in/index.vue'), meta: { title: '登录', public: true, bare: true } },
  { path: '/sign-up', name: 'sign-up', component: () => import('../../../views/sign-up/index.vue'), meta: { title: '注册', public: true, bare: true } },
];
