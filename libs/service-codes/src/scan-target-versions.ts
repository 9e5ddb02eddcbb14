import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { COUNTY_TODAY_SQL } from '@jobcode/common';

import { FreshReads } from './fresh-reads';

const VERSION_SQL = `SELECT coalesce((SELECT version FROM scan_target_version WHERE target_id = $1), 0) || ':' || ${COUNTY_TODAY_SQL} AS version`;

/**
 * The version of what a versioned target (station, workshop, fair, job) shows, without a code:
 * its scan_target_version counter and the county date, the same value ServiceCodesService.resolve
 * reads with a token. Reads are coalesced per target (FreshReads: never answered from a read that
 * began before the caller asked), so a crowd costs one indexed statement per round trip.
 */
@Injectable()
export class ScanTargetVersions {
  private readonly reads = new FreshReads<string, string>(
    async (targetId) => ((await this.dataSource.query(VERSION_SQL, [targetId])) as { version: string }[])[0].version,
  );

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  current(targetId: string): Promise<string> {
    return this.reads.get(targetId);
  }
}
