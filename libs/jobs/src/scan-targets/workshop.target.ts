import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { type Actor, AppConfig, isStaffOrAdmin, Role } from '@jobcode/common';
import { EmployersService } from '@jobcode/employers';
import { JobSourcesMapper, Workshop, WorkshopStatus, WorkshopsService } from '@jobcode/job-sources';
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
import { WorkshopScan } from './scan-views.object';

@Injectable()
export class WorkshopTarget implements ServiceCodeTargetAdapter<WorkshopScan> {
  readonly kind = ServiceCodeTargetKind.WORKSHOP;
  readonly view = WorkshopScan;
  readonly isPublic = true;
  readonly versioned = true;
  readonly cacheableFields = CACHEABLE_SCAN_FIELDS;
  readonly batchPosterWords = '帮扶车间';

  constructor(
    targets: ServiceCodeTargets,
    private readonly dataSource: DataSource,
    private readonly workshops: WorkshopsService,
    private readonly mapper: JobSourcesMapper,
    private readonly employers: EmployersService,
    private readonly nearby: OpenJobsNearby,
    private readonly cache: ScanViewCache,
    private readonly scope: RegionScope,
    private readonly config: AppConfig,
  ) {
    targets.register(this);
  }

  private find(id: string): Promise<Workshop | null> {
    return this.dataSource.manager.findOne(Workshop, { where: { id } });
  }

  async locate(id: string): Promise<TargetFacts | undefined> {
    const workshop = await this.find(id);
    return workshop ? { regionCode: workshop.regionCode, title: workshop.name } : undefined;
  }

  /** Staff of the workshop's region, or the employer that runs it. */
  async canManage(actor: Actor, id: string): Promise<boolean> {
    const workshop = await this.find(id);
    if (!workshop) return false;
    if (actor.role === Role.EMPLOYER) return this.employers.isMember(actor.accountId, workshop.employerId);
    return isStaffOrAdmin(actor) && this.scope.covers(actor, workshop.regionCode);
  }

  async scan(id: string, context: ScanContext): Promise<WorkshopScan> {
    return this.cache.get(this.kind, id, context, async () => {
      const workshop = await this.workshops.requireVisibleWorkshop(context.actor, id);
      const origin = context.near ?? { lat: Number(workshop.latitude), lng: Number(workshop.longitude) };
      const nearby = await this.nearby.of({ workshopId: id }, origin);
      const view = Object.assign(new WorkshopScan(), {
        workshop: await this.mapper.workshop(workshop),
        jobs: nearby.jobs.map((job, i) => ({ job, distanceKm: nearby.distances[i] })),
        openJobCount: nearby.total,
      });
      // Only a certified workshop looks the same to everyone; others are never cached.
      return { view, employers: nearby.employers, cacheable: workshop.status === WorkshopStatus.CERTIFIED };
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
      sections: [jobsSection(view.jobs, view.openJobCount, this.config.publicUrl)],
    };
  }
}
