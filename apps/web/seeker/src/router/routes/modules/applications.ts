import type { RouteRecordRaw } from 'vue-router';

export const applicationRoutes: RouteRecordRaw[] = [
  {
    path: '/applications',
    name: 'applications',
    component: () => import('../../../views/applications/index.vue'),
    meta: { title: '我的报名', auth: true, tab: true },
  },
  { path: '/contracts/:id', name: 'contract', component: () => import('../../../views/contracts/detail.vue'), meta: { title: '劳动合同', auth: true } },
];
