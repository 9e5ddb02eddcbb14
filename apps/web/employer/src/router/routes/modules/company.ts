import type { RouteRecordRaw } from 'vue-router';

export const companyRoutes: RouteRecordRaw[] = [
  {
    path: '/company/register',
    name: 'company-register',
    component: () => import('../../../views/company/register.vue'),
    meta: { title: '登记单位', anyCompany: true },
  },
  {
    path: '/company/correct',
    name: 'company-correct',
    component: () => import('../../../views/company/register.vue'),
    props: { correcting: true },
    meta: { title: '修改单位信息', anyCompany: true },
  },
  {
    path: '/company/pending',
    name: 'company-pending',
    component: () => import('../../../views/company/pending.vue'),
    meta: { title: '等待审核', anyCompany: true },
  },
  { path: '/company', name: 'company', component: () => import('../../../views/company/index.vue'), meta: { title: '单位信息' } },
];
