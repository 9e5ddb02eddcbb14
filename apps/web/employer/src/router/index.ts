import { createRouter, createWebHistory } from 'vue-router';

import { installGuard } from './guard';
import { accountRoutes } from './routes/modules/account';
import { authRoutes } from './routes/modules/auth';
import { companyRoutes } from './routes/modules/company';
import { contractRoutes } from './routes/modules/contracts';
import { fairRoutes } from './routes/modules/fairs';
import { homeRoutes } from './routes/modules/home';
import { jobRoutes } from './routes/modules/jobs';
import { notificationRoutes } from './routes/modules/notifications';
import { rosterRoutes } from './routes/modules/roster';

export const router = createRouter({
  history: createWebHistory('/e/'),
  routes: [
    ...authRoutes,
    ...homeRoutes,
    ...companyRoutes,
    ...jobRoutes,
    ...contractRoutes,
    ...rosterRoutes,
    ...fairRoutes,
    ...notificationRoutes,
    ...accountRoutes,
    { path: '/:rest(.*)*', redirect: '/' },
  ],
  scrollBehavior: () => ({ top: 0 }),
});

installGuard(router);
