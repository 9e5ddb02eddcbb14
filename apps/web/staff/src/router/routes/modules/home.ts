import type { RouteRecordRaw } from 'vue-router';

/** Every page inside the console layout (menu + header); each view is its own chunk. */
export const homeRoutes: RouteRecordRaw[] = [
  {
    path: '/',
    component: () => import('../../../layouts/StaffLayout.vue'),
    children: [
      { path: '', name: 'home', redirect: '/desk' },
      { path: 'desk', name: 'desk', component: () => import('../../../views/desk/index.vue'), meta: { title: '求职登记' } },
      { path: 'seekers', name: 'seekers', component: () => import('../../../views/seekers/index.vue'), meta: { title: '求职者名单' } },
      { path: 'seekers/:id', name: 'seeker', component: () => import('../../../views/seekers/detail.vue'), meta: { title: '求职者' } },
      { path: 'seekers/:id/card', name: 'seeker-card', component: () => import('../../../views/seekers/card.vue'), meta: { title: '个人码' } },
      { path: 'import', name: 'import', component: () => import('../../../views/import/index.vue'), meta: { title: '台账导入导出' } },
      { path: 'placements', name: 'placements', component: () => import('../../../views/placements/index.vue'), meta: { title: '务工与回访' } },
      {
        path: 'dashboard',
        name: 'dashboard',
        // ECharts and the figures are fetched together with the page, not after it.
        component: () => {
          void import('../../../store/dashboard-prefetch').then((prefetch) => prefetch.prefetchDashboard());
          void import('@shared/charts/StatChart.vue');
          return import('../../../views/dashboard/index.vue');
        },
        meta: { title: '统计看板' },
      },
      { path: 'employers', name: 'employers', component: () => import('../../../views/employers/index.vue'), meta: { title: '用人单位审核' } },
      { path: 'sources', name: 'sources', component: () => import('../../../views/sources/index.vue'), meta: { title: '驿站与车间' } },
      { path: 'codes', name: 'codes', component: () => import('../../../views/codes/index.vue'), meta: { title: '服务码与海报' } },
      { path: 'fairs', name: 'fairs', component: () => import('../../../views/fairs/index.vue'), meta: { title: '招聘会与大篷车' } },
      { path: 'fairs/:id', name: 'fair', component: () => import('../../../views/fairs/detail.vue'), meta: { title: '招聘会' } },
      { path: 'fairs/:id/attend', name: 'fair-attend', component: () => import('../../../views/fairs/attend.vue'), meta: { title: '招聘会到场登记' } },
      { path: 'staff-accounts', name: 'staff-accounts', component: () => import('../../../views/staff-accounts/index.vue'), meta: { title: '工作人员账号' } },
      { path: 'security-log', name: 'security-log', component: () => import('../../../views/security-log/index.vue'), meta: { title: '安全日志' } },
      { path: 'notifications', name: 'notifications', component: () => import('../../../views/notifications/index.vue'), meta: { title: '消息' } },
      { path: 'admin', name: 'admin', component: () => import('../../../views/admin/index.vue'), meta: { title: '审核、设置与账号' } },
      { path: 'targets', name: 'targets', component: () => import('../../../views/targets/index.vue'), meta: { title: '年度任务' } },
    ],
  },
];
