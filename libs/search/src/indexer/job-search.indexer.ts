import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';

import { countyToday } from '@jobcode/common';
import { Employer } from '@jobcode/employers';
import { Job, JOB_CHANGED, JobStatus } from '@jobcode/jobs';
import { OutboxService } from '@jobcode/outbox';

import { JOB_SEARCH_ENGINE, type JobSearchDocument, type JobSearchEngine } from '../engine/job-search.model';

/** Stable handler name in outbox_delivery: do not rename. */
export const JOB_SEARCH_INDEXER = 'search.index-job';

const REINDEX_BATCH = 1000;

/** What the index holds for a job: an effectively open job becomes a document; anything else leaves the index. */
export function toSearchDocument(job: Job, employerName: string | null): JobSearchDocument {
  return {
    id: job.id,
    title: job.title,
    occupation: job.occupation,
    description: job.description,
    employerName,
    regionCode: job.regionCode,
    kind: job.kind,
    wageMonthlyMin: job.monthlyWageMin,
    wageMonthlyMax: job.monthlyWageMax,
    benefits: [
      ...(job.providesBoard ? ['BOARD'] : []),
      ...(job.providesLodging ? ['LODGING'] : []),
      ...(job.providesTransport ? ['TRANSPORT'] : []),
      ...(job.socialInsurance ? ['SOCIAL_INSURANCE'] : []),
    ],
    wageUnit: job.wageUnit,
    sourceKind: job.stationId ? 'GIG_STATION' : job.workshopId ? 'WORKSHOP' : job.fairId ? 'JOB_FAIR' : null,
    postedAt: job.publishedAt ?? job.createdAt,
    lat: job.latitude,
    lng: job.longitude,
  };
}

/**
 * Keeps the search engine in step with the jobs table. JobsService publishes `job.changed`
 * in the transaction of every write; the outbox dispatcher (shared by all API processes,
 * SKIP LOCKED) hands each event here, and a failed upsert is retried, so a crash loses
 * nothing. The handler reads the job as it is now, so replays and reordering are harmless.
 */
@Injectable()
export class JobSearchIndexer implements OnModuleInit {
  private readonly logger = new Logger(JobSearchIndexer.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(JOB_SEARCH_ENGINE) private readonly engine: JobSearchEngine,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.outbox.subscribe<{ jobId: string }>(JOB_CHANGED, JOB_SEARCH_INDEXER, async (event, { manager }) => {
      await this.sync([event.payload.jobId], manager);
    });
  }

  /** Upserts the jobs that are open now and removes the others (and ids that no longer exist). */
  async sync(jobIds: string[], manager: EntityManager = this.dataSource.manager): Promise<{ upserted: number; removed: number }> {
    if (jobIds.length === 0) return { upserted: 0, removed: 0 };
    const jobs = await manager.find(Job, { where: { id: In(jobIds) } });
    const today = countyToday();
    const open = jobs.filter((j) => j.status === JobStatus.OPEN && j.validTo >= today);
    const openIds = new Set(open.map((j) => j.id));
    const gone = jobIds.filter((id) => !openIds.has(id));
    await this.engine.upsert(await this.documents(open, manager), manager);
    await this.engine.remove(gone, manager);
    return { upserted: open.length, removed: gone.length };
  }

  /** Rebuilds the whole index from the database (npm run reindex): clears it, then adds every open job in batches. */
  async reindex(onBatch?: (done: number) => void): Promise<number> {
    await this.engine.clear();
    const today = countyToday();
    let done = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = await this.dataSource.manager
        .createQueryBuilder(Job, 'j')
        .where(`j.status = :open AND j.valid_to >= :today AND j.id > :after`, { open: JobStatus.OPEN, today, after })
        .orderBy('j.id', 'ASC')
        .limit(REINDEX_BATCH)
        .getMany();
      if (batch.length === 0) break;
      await this.engine.upsert(await this.documents(batch, this.dataSource.manager));
      done += batch.length;
      after = batch[batch.length - 1].id;
      onBatch?.(done);
    }
    this.logger.log(`Reindexed ${done} open job(s) into the ${this.engine.name} engine`);
    return done;
  }

  private async documents(jobs: Job[], manager: EntityManager): Promise<JobSearchDocument[]> {
    const employerIds = [...new Set(jobs.map((j) => j.employerId).filter((id): id is string => id !== null))];
    const employers = employerIds.length ? await manager.find(Employer, { where: { id: In(employerIds) }, select: { id: true, name: true } }) : [];
    const names = new Map(employers.map((e) => [e.id, e.name]));
    return jobs.map((job) => toSearchDocument(job, job.employerId ? (names.get(job.employerId) ?? null) : null));
  }
}
