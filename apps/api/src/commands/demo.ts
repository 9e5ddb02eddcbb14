import 'reflect-metadata';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { ConfigError, loadConfig } from '@jobcode/common';
import { contractsDemoStep } from '@jobcode/contracts';
import { employersDemo } from '@jobcode/employers';
import { gigBookingsDemo } from '@jobcode/gig-bookings';
import { jobSourcesDemo } from '@jobcode/job-sources';
import { jobsDemo } from '@jobcode/jobs';
import { seekersDemoStep } from '@jobcode/seekers';
import { notificationsDemoStep } from '@jobcode/notifications';
import { placementsDemoStep } from '@jobcode/placements';

import { createApp } from '../bootstrap/create-app';
import { resolveDatabase } from '../bootstrap/database';
import { DemoRandom } from './demo-random';
import { demoSignInsStep } from './demo-sign-ins';

/**
 * One step of the demo data set. Each feature adds its own step (in its library's
 * `demo/` folder) to DEMO_STEPS below; steps run in order and must be idempotent:
 * running `npm run demo` twice leaves one demo data set.
 */
export interface DemoStep {
  name: string;
  run(app: NestFastifyApplication, random: DemoRandom): Promise<string>;
}

/** Later features append their steps here, in dependency order. */
const DEMO_STEPS: DemoStep[] = [
  employersDemo,
  jobSourcesDemo,
  jobsDemo,
  seekersDemoStep,
  notificationsDemoStep,
  contractsDemoStep,
  gigBookingsDemo,
  placementsDemoStep,
  demoSignInsStep,
];

/**
 * npm run demo — loads a realistic demo data set for the demo county (资源县) into the
 * database the service would use (DATABASE_URL, else the embedded one in DATA_DIR;
 * stop `npm start` first when it runs on the embedded database).
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const database = await resolveDatabase(config);
  const { app } = await createApp({ config, database, logger: ['error', 'warn'] });
  try {
    for (const [index, step] of DEMO_STEPS.entries()) {
      const started = Date.now();
      // Each step draws from its own seeded stream: a step that finds its data already loaded
      // (and draws nothing) must not shift what the next one generates, or a second run would
      // make new people instead of finding the same ones.
      const summary = await step.run(app, new DemoRandom(20261122 + index));
      console.log(`demo: ${step.name}: ${summary} (${Date.now() - started} ms)`);
    }
    console.log(`Demo data loaded into ${database.description}.`);
  } finally {
    await app.close();
    await database.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
