import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { EmployersService } from '@jobcode/employers';
import { JobSourcesMapper, Workshop, WorkshopStatus, WorkshopsService } from '@jobcode/job-sources';
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
import { WorkshopScan } from './scan-views.object';
import { SourceScans } from './source-scans';

/** A workshop's code: staff of its region or the employer that runs it manage it; a scan shows its open jobs. */
@Injectable()
export class WorkshopTarget extends RegionalTargetAdapter<WorkshopScan, Workshop> {
  constructor(
    targets: ServiceCodeTargets,
    scope: RegionScope,
    employers: EmployersService,
    private readonly dataSource: DataSource,
    private readonly workshops: WorkshopsService,
    private readonly mapper: JobSourcesMapper,
    private readonly sources: SourceScans,
  ) {
    super(targets, { kind: ServiceCodeTargetKind.WORKSHOP, view: WorkshopScan, ...JOBS_TARGET_TRAITS, batchPosterWords: '帮扶车间' }, scope, employers);
  }

  protected find(id: string): Promise<Workshop | null> {
    return this.dataSource.manager.findOne(Workshop, { where: { id } });
  }

  protected facts(workshop: Workshop): RegionalTargetFacts {
    return { regionCode: workshop.regionCode, title: workshop.name, employerId: workshop.employerId };
  }

  async scan(id: string, context: ScanContext): Promise<WorkshopScan> {
    return this.sources.view(this.kind, id, context, {
      load: () => this.workshops.requireVisibleWorkshop(context.actor, id),
      jobsOf: { workshopId: id },
      build: async (workshop, jobs) => Object.assign(new WorkshopScan(), { workshop: await this.mapper.workshop(workshop), ...jobs }),
      // Only a certified workshop looks the same to everyone; others are never cached.
      cacheable: (workshop) => workshop.status === WorkshopStatus.CERTIFIED,
    });
  }

  page(view: WorkshopScan): ScanPage {
    return {
      title: view.workshop.name,
      subtitle: '就业帮扶车间 · 扫码查看岗位、在线报名',
      facts: [
        ['地址', `${view.workshop.region.fullName} ${view.workshop.address}`],
        ['吸纳就业', `${view.workshop.headcount} 人`],
      ],
      sections: [this.sources.jobsSection(view)],
    };
  }
}
