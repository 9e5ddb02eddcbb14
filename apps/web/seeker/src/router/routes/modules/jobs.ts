import type { RouteRecordRaw } from 'vue-router';

export const jobRoutes: RouteRecordRaw[] = [
  { path: '/', name: 'jobs', component: () => import('../../../views/jobs/index.vue'), meta: { title: '找工作', tab: true } },
  { path: '/jobs/:id', name: 'job', component: () => import('../../../views/jobs/detail.vue'), meta: { title: '岗位详情' } },
  { path: '/jobs/:id/apply', name: 'apply', component: () => import('../../../views/jobs/apply.vue'), meta: { title: '报名', auth: true } },
  { path: '/saved', name: 'saved', component: () => import('../../../views/saved/index.vue'), meta: { title: '保存的搜索', auth: true } },
];
