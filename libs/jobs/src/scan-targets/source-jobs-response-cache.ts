import { Plugin } from '@nestjs/apollo';

import { cacheableFields, type CacheableFields, ScanTargetVersions, VersionedResponseCache } from '@jobcode/service-codes';

import { CACHEABLE_SCAN_FIELDS } from './cacheable-fields';

/** The filters naming one job source, whose scan_target_version covers every job listed under it. */
const SOURCE_ARGS = ['stationId', 'workshopId', 'fairId'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * 岗位列表响应缓存: the whole GraphQL result of an anonymous `jobs(stationId | workshopId | fairId: …)`
 * (the list a station's, workshop's or fair's QR page opens on), kept per document and arguments
 * under the source's scan_target_version and the county date (ScanTargetVersions), validated the
 * way ScanResponseCache validates a scan: any committed change to the source, its jobs, their
 * shifts or employers, in any API process, changes it, and so does midnight (jobs open and expire
 * by the county date). Signed-in callers (employers and staff see other jobs and other employer
 * fields) are never served from it, nor documents asking for fields the version does not cover
 * (eligibleSupportGroups, flags…).
 */
@Plugin()
export class SourceJobsResponseCache extends VersionedResponseCache {
  protected readonly rootField = 'jobs';

  constructor(private readonly versions: ScanTargetVersions) {
    super();
  }

  /**
   * The list's own fields, and a job's fields that the scan cache lists as covered by the target
   * version (the job row, its shifts, its employer), plus `source`: with the list filtered by one
   * station, workshop or fair, every job's source is that target itself (a job has at most one
   * source), whose own changes bump the version.
   */
  protected allowed(): CacheableFields {
    const { Job, JobBenefits, JobShift, Employer, GigStation, Workshop, JobFair, JobFairTotals, Region } = CACHEABLE_SCAN_FIELDS;
    return cacheableFields({
      Query: ['jobs'],
      JobConnection: ['edges', 'pageInfo'],
      JobEdge: ['cursor', 'node'],
      PageInfo: ['endCursor', 'hasNextPage'],
      Job: [...Job, 'source'],
      JobBenefits,
      JobShift,
      Employer,
      GigStation,
      Workshop,
      JobFair,
      JobFairTotals,
      Region,
    });
  }

  protected async versionOf(args: Record<string, unknown>): Promise<{ key: string; version: string } | null> {
    const sources = SOURCE_ARGS.map((name) => args[name]).filter((v) => v != null);
    if (sources.length !== 1 || typeof sources[0] !== 'string' || !UUID.test(sources[0])) return null;
    return { key: JSON.stringify(args), version: await this.versions.current(sources[0]) };
  }
}
