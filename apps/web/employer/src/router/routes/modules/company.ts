import type { RouteRecordRaw } from 'vue-router';

import { company } from '../../../store/employer';

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
    // Only a rejected company is corrected (the guard has loaded it by now); the rest see where theirs stands.
    beforeEnter: () => (company.current?.status === 'REJECTED' ? true : { name: 'company-pending' }),
  },
  {
    path: '/company/pending',
    name: 'company-pending',
    component: () => import('../../../views/company/pending.vue'),
    meta: { title: '等待审核', anyCompany: true },
  },
  { path: '/company', name: 'company', component: () => import('../../../views/company/index.vue'), meta: { title: '单位信息' } },
];
