import type { RouteRecordRaw } from 'vue-router';

export const contractRoutes: RouteRecordRaw[] = [
  { path: '/contracts', name: 'contracts', component: () => import('../../../views/contracts/index.vue'), meta: { title: '劳动合同' } },
  { path: '/contracts/:id', name: 'contract', component: () => import('../../../views/contracts/detail.vue'), meta: { title: '合同详情' } },
  { path: '/applications/:id/offer', name: 'offer', component: () => import('../../../views/contracts/offer.vue'), meta: { title: '发出劳动合同' } },
];
