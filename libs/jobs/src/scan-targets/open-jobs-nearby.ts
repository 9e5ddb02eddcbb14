import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';

import { distanceKm, type GeoPoint } from '@jobcode/common';
import { Employer } from '@jobcode/employers';

import { JobStatus } from '../job.enums';
import { JobMapper } from '../job.mapper';
import { type JobFilter, JobsService } from '../jobs.service';
import type { ScannedJob } from './scan-views.object';

/** How many of a source's open jobs a scan considers before sorting by distance. */
const CANDIDATES = 100;
export const SCAN_PAGE = 20;

export interface NearbyJobs {
  /** Nearest first, each with its distance in km (null where either place is unknown). */
  jobs: ScannedJob[];
  /** All the source's open jobs, shown or not. */
  openJobCount: number;
  /** The employers of the jobs shown, for priming the request's loader. */
  employers: Employer[];
}

/**
 * The open jobs behind a station, workshop or fair, nearest first from where the person
 * stands (or from the source itself). What anyone may see: OPEN jobs only, read as an
 * anonymous caller would.
 */
@Injectable()
export class OpenJobsNearby {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly mapper: JobMapper,
  ) {}

  async of(filter: Pick<JobFilter, 'stationId' | 'workshopId' | 'fairId'>, origin: GeoPoint | undefined, limit = SCAN_PAGE): Promise<NearbyJobs> {
    const page = await this.jobs.list(undefined, { ...filter, status: JobStatus.OPEN, first: CANDIDATES });
    const rows = page.edges.map((e) => e.node);
    const withDistance = rows.map((job) => ({
      job,
      km: origin && job.latitude !== null && job.longitude !== null ? distanceKm(origin, { lat: Number(job.latitude), lng: Number(job.longitude) }) : null,
    }));
    withDistance.sort((a, b) => (a.km ?? Infinity) - (b.km ?? Infinity));
    const chosen = withDistance.slice(0, limit);
    const employerIds = [...new Set(chosen.map((c) => c.job.employerId).filter((id): id is string => id !== null))];
    return {
      jobs: await Promise.all(chosen.map(async (c) => ({ job: await this.mapper.job(c.job), distanceKm: c.km === null ? null : Math.round(c.km * 10) / 10 }))),
      openJobCount: page.edges.length < CANDIDATES ? rows.length : page.totalCount,
      employers: employerIds.length ? await this.dataSource.manager.find(Employer, { where: { id: In(employerIds) } }) : [],
    };
  }
}
