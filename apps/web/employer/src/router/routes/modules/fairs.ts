import type { RouteRecordRaw } from 'vue-router';

export const fairRoutes: RouteRecordRaw[] = [
  { path: '/fairs', name: 'fairs', component: () => import('../../../views/fairs/index.vue'), meta: { title: '招聘会' } },
];
