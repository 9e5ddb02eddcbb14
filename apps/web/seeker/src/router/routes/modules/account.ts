import type { RouteRecordRaw } from 'vue-router';

export const accountRoutes: RouteRecordRaw[] = [
  { path: '/sign-in', name: 'sign-in', component: () => import('../../../views/sign-in/index.vue'), meta: { title: '手机号登录' } },
  { path: '/register', name: 'register', component: () => import('../../../views/register/index.vue'), meta: { title: '求职登记', auth: true } },
  { path: '/me', name: 'me', component: () => import('../../../views/me/index.vue'), meta: { title: '我的', tab: true } },
  { path: '/me/data', name: 'my-data', component: () => import('../../../views/me/data.vue'), meta: { title: '我的信息', auth: true } },
  {
    path: '/me/data/edit',
    name: 'my-data-edit',
    component: () => import('../../../views/register/index.vue'),
    meta: { title: '更正我的信息', auth: true, edit: true },
  },
  {
    path: '/notifications',
    name: 'notifications',
    component: () => import('../../../views/notifications/index.vue'),
    meta: { title: '消息', auth: true },
  },
];
