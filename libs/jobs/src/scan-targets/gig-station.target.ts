import { Injectable } from '@nestjs/common';

import { type Actor, AppConfig, isStaffOrAdmin } from '@jobcode/common';
import { GigStationsService, JobSourcesMapper } from '@jobcode/job-sources';
import { RegionScope } from '@jobcode/regions';
import {
  type ScanContext,
  type ScanPage,
  type ServiceCodeTargetAdapter,
  ServiceCodeTargetKind,
  ServiceCodeTargets,
  type TargetFacts,
} from '@jobcode/service-codes';

import { JobMapper } from '../job.mapper';
import { JobShiftsService } from '../job-shifts.service';
import { CACHEABLE_SCAN_FIELDS } from './cacheable-fields';
import { jobsSection } from './job-lines';
import { OpenJobsNearby } from './open-jobs-nearby';
import { ScanViewCache } from './scan-view-cache';
import { GigStationScan } from './scan-views.object';

const LEVEL: Record<string, string> = { COUNTY: '零工市场', TOWNSHIP: '零工中心', VILLAGE: '零工驿站' };

@Injectable()
export class GigStationTarget implements ServiceCodeTargetAdapter<GigStationScan> {
  readonly kind = ServiceCodeTargetKind.GIG_STATION;
  readonly view = GigStationScan;
  readonly isPublic = true;
  readonly versioned = true;
  readonly cacheableFields = CACHEABLE_SCAN_FIELDS;
  readonly batchPosterWords = '零工站点';

  constructor(
    targets: ServiceCodeTargets,
    private readonly stations: GigStationsService,
    private readonly mapper: JobSourcesMapper,
    private readonly nearby: OpenJobsNearby,
    private readonly cache: ScanViewCache,
    private readonly shifts: JobShiftsService,
    private readonly jobMapper: JobMapper,
    private readonly scope: RegionScope,
    private readonly config: AppConfig,
  ) {
    targets.register(this);
  }

  async locate(id: string): Promise<TargetFacts | undefined> {
    const station = await this.stations.requireStation(id).catch(() => undefined);
    return station && { regionCode: station.regionCode, title: station.name };
  }

  async canManage(actor: Actor, id: string): Promise<boolean> {
    const station = await this.stations.requireStation(id);
    return isStaffOrAdmin(actor) && this.scope.covers(actor, station.regionCode);
  }

  async scan(id: string, context: ScanContext): Promise<GigStationScan> {
    // The board's slots left are covered by the target version too (booking a slot bumps it):
    // a cached view is rebuilt at the first scan after any booking, in any process.
    return this.cache.get(this.kind, id, context, async () => {
      const station = await this.stations.requireStation(id);
      const origin = context.near ?? { lat: Number(station.latitude), lng: Number(station.longitude) };
      // One after the other: on embedded PGlite the pool's connections share one session.
      const nearby = await this.nearby.of({ stationId: id }, origin);
      const entries = await this.shifts.boardForStation(id);
      const view = Object.assign(new GigStationScan(), {
        station: await this.mapper.station(station),
        jobs: nearby.jobs.map((job, i) => ({ job, distanceKm: nearby.distances[i] })),
        openJobCount: nearby.total,
        board: await Promise.all(entries.map(async (e) => ({ job: await this.jobMapper.job(e.job), shift: this.jobMapper.shift(e.shift) }))),
      });
      return { view, employers: nearby.employers };
    });
  }

  /**
   * The station's page leads a person who booked a shift there to check in: the sign-in lives in
   * the phone pages' storage, which the server-rendered page cannot read, so /m/check-in asks
   * for it (and the API checks the booking) — the page itself stays the same for everyone.
   */
  page(view: GigStationScan, token: string): ScanPage {
    return {
      title: view.station.name,
      subtitle: `${LEVEL[view.station.level] ?? '零工驿站'} · 扫码查看岗位、在线报名`,
      facts: [
        ['地址', view.station.address],
        ['开放时间', view.station.openingHours],
      ],
      sections: [
        {
          heading: '今明两天零工（日结）',
          empty: '今明两天暂无在本站集合的零工班次',
          items: view.board.map(({ job, shift }) => ({
            title: job.title,
            badge: shift.slotsLeft > 0 ? `余 ${shift.slotsLeft} 人` : '已满',
            href: `${this.config.publicUrl}/m/jobs/${job.id}`,
            lines: [
              `${shift.date} ${shift.startTime}–${shift.endTime}`,
              shift.dayPay !== null ? `${shift.dayPay} 元/天` : `计件 ${shift.pieceRate ?? ''} 元/件`,
              shift.meetingPoint,
            ].filter(Boolean),
          })),
        },
        jobsSection(view.jobs, view.openJobCount, this.config.publicUrl),
      ],
      actions: [{ label: '零工签到（今天在本站预约了班次的点这里）', href: `/m/check-in?token=${encodeURIComponent(token)}` }],
    };
  }
}
