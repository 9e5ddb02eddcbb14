import type { RouteRecordRaw } from 'vue-router';

export const rosterRoutes: RouteRecordRaw[] = [
  { path: '/roster', name: 'roster', component: () => import('../../../views/roster/index.vue'), meta: { title: '今日零工' } },
];
