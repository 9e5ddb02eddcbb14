import type { RouteRecordRaw } from 'vue-router';

export const jobRoutes: RouteRecordRaw[] = [
  { path: '/jobs', name: 'jobs', component: () => import('../../../views/jobs/index.vue'), meta: { title: '岗位' } },
  { path: '/jobs/new', name: 'job-new', component: () => import('../../../views/jobs/edit.vue'), meta: { title: '发布岗位' } },
  { path: '/jobs/:id', name: 'job', component: () => import('../../../views/jobs/detail.vue'), meta: { title: '岗位详情' } },
  { path: '/jobs/:id/edit', name: 'job-edit', component: () => import('../../../views/jobs/edit.vue'), meta: { title: '修改岗位' } },
  { path: '/jobs/:id/shifts', name: 'job-shifts', component: () => import('../../../views/jobs/shifts.vue'), meta: { title: '零工班次' } },
  { path: '/jobs/:id/poster', name: 'job-poster', component: () => import('../../../views/jobs/poster.vue'), meta: { title: '岗位二维码海报' } },
  { path: '/jobs/:id/applicants', name: 'applicants', component: () => import('../../../views/applicants/index.vue'), meta: { title: '报名' } },
];
