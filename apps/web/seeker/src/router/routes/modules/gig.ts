import type { RouteRecordRaw } from 'vue-router';

export const gigRoutes: RouteRecordRaw[] = [
  { path: '/gig', name: 'gig', component: () => import('../../../views/gig/index.vue'), meta: { title: '我的零工', auth: true, tab: true } },
  { path: '/check-in', name: 'check-in', component: () => import('../../../views/gig/check-in.vue'), meta: { title: '零工签到', auth: true } },
];
