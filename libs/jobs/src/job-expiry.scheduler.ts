import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

import { JobsService } from './jobs.service';

export const EXPIRY_SWEEP_MS = 60_000;

/**
 * Every minute, marks jobs past their valid-to date EXPIRED. Safe with several API
 * processes: the sweep is a single idempotent UPDATE. Reads never wait for it: they
 * treat a job past valid_to as EXPIRED already (JobsService.effectiveStatus).
 */
@Injectable()
export class JobExpiryScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobExpiryScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(private readonly jobs: JobsService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), EXPIRY_SWEEP_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async sweep(): Promise<void> {
    if (this.running) return;
    this.running = (async () => {
      try {
        const expired = await this.jobs.expireOverdue();
        if (expired > 0) this.logger.log(`Expired ${expired} job(s) past their valid-to date`);
      } catch (error) {
        this.logger.error(`Job expiry sweep failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        this.running = undefined;
      }
    })();
    await this.running;
  }
}
