import type { RouteRecordRaw } from 'vue-router';

export const accountRoutes: RouteRecordRaw[] = [
  { path: '/account', name: 'account', component: () => import('../../../views/account/index.vue'), meta: { title: '账号与安全', anyCompany: true } },
];
