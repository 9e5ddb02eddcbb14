import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { contractsDemoStep } from '@jobcode/contracts';
import { employersDemo } from '@jobcode/employers';
import { gigBookingsDemo } from '@jobcode/gig-bookings';
import { jobSourcesDemo } from '@jobcode/job-sources';
import { jobsDemo } from '@jobcode/jobs';
import { notificationsDemoStep } from '@jobcode/notifications';
import { placementsDemoStep } from '@jobcode/placements';
import { seekersDemoStep } from '@jobcode/seekers';

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
export const DEMO_STEPS: DemoStep[] = [
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

/** Runs every step in order, reporting each one's summary. */
export async function loadDemo(app: NestFastifyApplication, report: (line: string) => void): Promise<void> {
  for (const [index, step] of DEMO_STEPS.entries()) {
    const started = Date.now();
    // Each step draws from its own seeded stream: a step that finds its data already loaded
    // (and draws nothing) must not shift what the next one generates, or a second run would
    // make new people instead of finding the same ones.
    const summary = await step.run(app, new DemoRandom(20261122 + index));
    report(`demo: ${step.name}: ${summary} (${Date.now() - started} ms)`);
  }
}
