import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { type Actor, AppConfig, COUNTY_TIME_ZONE, isStaffOrAdmin } from '@jobcode/common';
import { Employer } from '@jobcode/employers';
import { FairBooth, JobFairsService, JobSourcesMapper } from '@jobcode/job-sources';
import { RegionScope } from '@jobcode/regions';
import {
  type ScanContext,
  type ScanPage,
  type ServiceCodeTargetAdapter,
  ServiceCodeTargetKind,
  ServiceCodeTargets,
  type TargetFacts,
} from '@jobcode/service-codes';

import { CACHEABLE_SCAN_FIELDS } from './cacheable-fields';
import { jobsSection } from './job-lines';
import { OpenJobsNearby } from './open-jobs-nearby';
import { ScanViewCache } from './scan-view-cache';
import { JobFairScan } from './scan-views.object';

const time = new Intl.DateTimeFormat('zh-CN', { timeZone: COUNTY_TIME_ZONE, month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' });

@Injectable()
export class JobFairTarget implements ServiceCodeTargetAdapter<JobFairScan> {
  readonly kind = ServiceCodeTargetKind.JOB_FAIR;
  readonly view = JobFairScan;
  readonly isPublic = true;
  readonly versioned = true;
  readonly cacheableFields = CACHEABLE_SCAN_FIELDS;

  constructor(
    targets: ServiceCodeTargets,
    private readonly dataSource: DataSource,
    private readonly fairs: JobFairsService,
    private readonly mapper: JobSourcesMapper,
    private readonly nearby: OpenJobsNearby,
    private readonly cache: ScanViewCache,
    private readonly scope: RegionScope,
    private readonly config: AppConfig,
  ) {
    targets.register(this);
  }

  async locate(id: string): Promise<TargetFacts | undefined> {
    const fair = await this.fairs.requireFair(id).catch(() => undefined);
    return fair && { regionCode: fair.regionCode, title: fair.name };
  }

  async canManage(actor: Actor, id: string): Promise<boolean> {
    const fair = await this.fairs.requireFair(id);
    return isStaffOrAdmin(actor) && this.scope.covers(actor, fair.regionCode);
  }

  async scan(id: string, context: ScanContext): Promise<JobFairScan> {
    return this.cache.get(this.kind, id, context, async () => {
      const fair = await this.fairs.requireFair(id);
      const origin =
        context.near ?? (fair.latitude !== null && fair.longitude !== null ? { lat: Number(fair.latitude), lng: Number(fair.longitude) } : undefined);
      const [nearby, booths] = await Promise.all([
        this.nearby.of({ fairId: id }, origin),
        this.dataSource.manager
          .createQueryBuilder(FairBooth, 'b')
          .innerJoin(Employer, 'e', 'e.id = b.employer_id')
          .select('e.name', 'name')
          .where('b.fair_id = :id', { id })
          .orderBy('b.booth_number', 'ASC', 'NULLS LAST')
          .getRawMany<{ name: string }>(),
      ]);
      const view = Object.assign(new JobFairScan(), {
        fair: await this.mapper.fair(fair),
        jobs: nearby.jobs.map((job, i) => ({ job, distanceKm: nearby.distances[i] })),
        openJobCount: nearby.total,
        boothEmployers: booths.map((b) => b.name),
      });
      return { view, employers: nearby.employers };
    });
  }

  page(view: JobFairScan): ScanPage {
    return {
      title: view.fair.name,
      subtitle: `${time.format(view.fair.startsAt)} – ${time.format(view.fair.endsAt)}`,
      facts: [
        ['地点', `${view.fair.region.fullName} ${view.fair.venue}`],
        ['主办', view.fair.organiser],
        ['参会单位', `${view.boothEmployers.length} 家`],
      ],
      sections: [
        jobsSection(view.jobs, view.openJobCount, this.config.publicUrl),
        { heading: '参会单位', empty: '参会单位正在确定中', items: view.boothEmployers.map((name) => ({ title: name, lines: [] })) },
      ],
    };
  }
}
