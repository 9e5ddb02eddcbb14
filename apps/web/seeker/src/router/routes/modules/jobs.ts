import type { RouteRecordRaw } from 'vue-router';

export const jobRoutes: RouteRecordRaw[] = [
  { path: '/', name: 'jobs', component: () => import('../../../views/jobs/index.vue'), meta: { title: '找工作' } },
  { path: '/jobs/:id', name: 'job', component: () => import('../../../views/jobs/detail.vue'), meta: { title: '岗位详情' } },
];
