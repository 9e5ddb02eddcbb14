import { createRouter, createWebHistory } from 'vue-router';

import { installGuard } from './guard';
import { accountRoutes } from './routes/modules/account';
import { applicationRoutes } from './routes/modules/applications';
import { gigRoutes } from './routes/modules/gig';
import { jobRoutes } from './routes/modules/jobs';

export const router = createRouter({
  history: createWebHistory('/m/'),
  routes: [...jobRoutes, ...accountRoutes, ...applicationRoutes, ...gigRoutes, { path: '/:rest(.*)*', redirect: '/' }],
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

installGuard(router);
