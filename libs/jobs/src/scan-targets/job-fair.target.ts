import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { COUNTY_TIME_ZONE } from '@jobcode/common';
import { Employer } from '@jobcode/employers';
import { FairBooth, type JobFair, JobFairsService, JobSourcesMapper } from '@jobcode/job-sources';
import { RegionScope } from '@jobcode/regions';
import {
  RegionalTargetAdapter,
  type RegionalTargetFacts,
  type ScanContext,
  type ScanPage,
  ServiceCodeTargetKind,
  ServiceCodeTargets,
} from '@jobcode/service-codes';

import { JOBS_TARGET_TRAITS } from './cacheable-fields';
import { JobFairScan } from './scan-views.object';
import { SourceScans } from './source-scans';

const time = new Intl.DateTimeFormat('zh-CN', { timeZone: COUNTY_TIME_ZONE, month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A job fair's code: staff of its region manage it; a scan shows its open jobs and the employers with a booth. */
@Injectable()
export class JobFairTarget extends RegionalTargetAdapter<JobFairScan, JobFair> {
  constructor(
    targets: ServiceCodeTargets,
    scope: RegionScope,
    private readonly dataSource: DataSource,
    private readonly fairs: JobFairsService,
    private readonly mapper: JobSourcesMapper,
    private readonly sources: SourceScans,
  ) {
    super(targets, { kind: ServiceCodeTargetKind.JOB_FAIR, view: JobFairScan, ...JOBS_TARGET_TRAITS }, scope);
  }

  protected find(id: string): Promise<JobFair | undefined> {
    return this.fairs.requireFair(id).catch(() => undefined);
  }

  protected facts(fair: JobFair): RegionalTargetFacts {
    return { regionCode: fair.regionCode, title: fair.name };
  }

  async scan(id: string, context: ScanContext): Promise<JobFairScan> {
    return this.sources.view(this.kind, id, context, {
      load: () => this.fairs.requireFair(id),
      jobsOf: { fairId: id },
      build: async (fair, jobs) => {
        const booths = await this.dataSource.manager
          .createQueryBuilder(FairBooth, 'b')
          .innerJoin(Employer, 'e', 'e.id = b.employer_id')
          .select('e.name', 'name')
          .where('b.fair_id = :id', { id })
          .orderBy('b.booth_number', 'ASC', 'NULLS LAST')
          .getRawMany<{ name: string }>();
        return Object.assign(new JobFairScan(), { fair: await this.mapper.fair(fair), ...jobs, boothEmployers: booths.map((b) => b.name) });
      },
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
        this.sources.jobsSection(view),
        { heading: '参会单位', empty: '参会单位正在确定中', items: view.boothEmployers.map((name) => ({ title: name, lines: [] })) },
      ],
    };
  }
}
