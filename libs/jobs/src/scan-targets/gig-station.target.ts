import { Injectable } from '@nestjs/common';

import { AppConfig } from '@jobcode/common';
import { type GigStation, GigStationsService, JobSourcesMapper } from '@jobcode/job-sources';
import { RegionScope } from '@jobcode/regions';
import {
  RegionalTargetAdapter,
  type RegionalTargetFacts,
  type ScanContext,
  type ScanPage,
  ServiceCodeTargetKind,
  ServiceCodeTargets,
} from '@jobcode/service-codes';

import { JobMapper } from '../job.mapper';
import { JobShiftsService } from '../job-shifts.service';
import { JOBS_TARGET_TRAITS } from './cacheable-fields';
import { GigStationScan } from './scan-views.object';
import { SourceScans } from './source-scans';

const LEVEL: Record<string, string> = { COUNTY: '零工市场', TOWNSHIP: '零工中心', VILLAGE: '零工驿站' };

/** A gig station's code: staff of its region manage it; a scan shows its open jobs and its gig board. */
@Injectable()
export class GigStationTarget extends RegionalTargetAdapter<GigStationScan, GigStation> {
  constructor(
    targets: ServiceCodeTargets,
    scope: RegionScope,
    private readonly stations: GigStationsService,
    private readonly mapper: JobSourcesMapper,
    private readonly sources: SourceScans,
    private readonly shifts: JobShiftsService,
    private readonly jobMapper: JobMapper,
    private readonly config: AppConfig,
  ) {
    super(targets, { kind: ServiceCodeTargetKind.GIG_STATION, view: GigStationScan, ...JOBS_TARGET_TRAITS, batchPosterWords: '零工站点' }, scope);
  }

  protected find(id: string): Promise<GigStation | undefined> {
    return this.stations.requireStation(id).catch(() => undefined);
  }

  protected facts(station: GigStation): RegionalTargetFacts {
    return { regionCode: station.regionCode, title: station.name };
  }

  async scan(id: string, context: ScanContext): Promise<GigStationScan> {
    // The board's slots left are covered by the target version too (booking a slot bumps it):
    // a cached view is rebuilt at the first scan after any booking, in any process.
    return this.sources.view(this.kind, id, context, {
      load: () => this.stations.requireStation(id),
      jobsOf: { stationId: id },
      build: async (station, jobs) => {
        const entries = await this.shifts.boardForStation(id);
        return Object.assign(new GigStationScan(), {
          station: await this.mapper.station(station),
          ...jobs,
          board: await Promise.all(entries.map(async (e) => ({ job: await this.jobMapper.job(e.job), shift: this.jobMapper.shift(e.shift) }))),
        });
      },
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
        this.sources.jobsSection(view),
      ],
      actions: [{ label: '零工签到（今天在本站预约了班次的点这里）', href: `/m/check-in?token=${encodeURIComponent(token)}` }],
    };
  }
}
