import type { RouteRecordRaw } from 'vue-router';

export const notificationRoutes: RouteRecordRaw[] = [
  { path: '/notifications', name: 'notifications', component: () => import('../../../views/notifications/index.vue'), meta: { title: '消息' } },
];
