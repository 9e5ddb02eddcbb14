import { Injectable } from '@nestjs/common';

import { AppConfig } from '@jobcode/common';
import type { ScanContext, ScanPageSection, ServiceCodeTargetKind } from '@jobcode/service-codes';

import { JOB_KIND_WORD } from '../job.enums';
import type { JobFilter } from '../jobs.service';
import { benefitsText, wageText } from './job-lines';
import { OpenJobsNearby } from './open-jobs-nearby';
import { ScanViewCache } from './scan-view-cache';
import type { ScannedJob } from './scan-views.object';

/** What the scan of every job source shows besides the source itself. */
export interface SourceJobs {
  jobs: ScannedJob[];
  openJobCount: number;
}

/** How one kind of job source is scanned (see SourceScans.view). */
export interface SourceScan<Source, View extends SourceJobs> {
  /** Reads the source; throws when it does not exist or the viewer may not see it. */
  load(): Promise<Source>;
  /** Which jobs are the source's. */
  jobsOf: Pick<JobFilter, 'stationId' | 'workshopId' | 'fairId'>;
  /**
   * The view around the source's jobs. Read what else it needs one query after the other: on
   * embedded PGlite the pool's connections share one session.
   */
  build(source: Source, jobs: SourceJobs): Promise<View>;
  /** Whether the view looks the same to everyone, so it may be kept (yes when absent). */
  cacheable?(source: Source): boolean;
}

interface Placed {
  latitude: number | null;
  longitude: number | null;
}

/**
 * The scans of the job sources (gig stations, workshops, fairs) where they are the same: the view
 * is built around the source's open jobs, nearest first from where the person stands (or from
 * the source), and kept in ScanViewCache under the target version; the page lists those jobs.
 */
@Injectable()
export class SourceScans {
  constructor(
    private readonly nearby: OpenJobsNearby,
    private readonly cache: ScanViewCache,
    private readonly config: AppConfig,
  ) {}

  view<Source extends Placed, View extends SourceJobs>(
    kind: ServiceCodeTargetKind,
    id: string,
    context: ScanContext,
    scan: SourceScan<Source, View>,
  ): Promise<View> {
    return this.cache.get(kind, id, context, async () => {
      const source = await scan.load();
      const here = source.latitude !== null && source.longitude !== null ? { lat: source.latitude, lng: source.longitude } : undefined;
      const { employers, ...jobs } = await this.nearby.of(scan.jobsOf, context.near ?? here);
      return { view: await scan.build(source, jobs), employers, cacheable: scan.cacheable?.(source) };
    });
  }

  /** The page section of a source's jobs: title, wage, kind, distance, benefits. */
  jobsSection({ jobs, openJobCount }: SourceJobs): ScanPageSection {
    return {
      heading: `在招岗位（${openJobCount} 个）`,
      empty: '暂时没有在招岗位，请过几天再来看看，或到村、乡镇就业服务窗口咨询。',
      items: jobs.map(({ job, distanceKm }) => ({
        title: job.title,
        href: `${this.config.publicUrl}/m/jobs/${job.id}`,
        badge: JOB_KIND_WORD[job.kind],
        lines: [wageText(job), [distanceKm !== null ? `距此 ${distanceKm} 公里` : null, job.address].filter(Boolean).join(' · '), benefitsText(job)].filter(
          (l): l is string => Boolean(l),
        ),
      })),
    };
  }
}
