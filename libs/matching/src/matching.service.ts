import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';

import { type Actor, countyToday, maskName } from '@jobcode/common';
import { CountySettingsService } from '@jobcode/county-settings';
import { Job, JobMapper, JobsService, PUBLIC_WELFARE_SUPPORT_GROUPS } from '@jobcode/jobs';
import { RegionsService } from '@jobcode/regions';
import { OCCUPATION_FAMILIES, relatedWords, segmentWords } from '@jobcode/search';
import { SeekersService, SeekerVisibility } from '@jobcode/seekers';

import { type MatchFlags, matchReasons } from './match-reasons';
import { MATCHING_WEIGHTS, type MatchingWeights } from './matching.settings';
import { RECOMMENDED_JOBS_SQL, WEIGHT_ORDER } from './matching.sql';
import { type RecommendedJobObject, type RecommendedSeekerObject } from './recommendation.object';
import { rankSeekersForJob } from './seeker-buckets';

interface FlagRow {
  occupation: boolean;
  skill: boolean;
  same_village: boolean;
  same_township: boolean;
  wage: boolean;
  near_home: boolean;
  light_work: boolean;
  public_welfare: boolean;
  willing_to_leave: boolean;
  score: number;
}

const flagsOf = (r: FlagRow): MatchFlags => ({
  occupation: r.occupation,
  skill: r.skill,
  sameVillage: r.same_village,
  sameTownship: r.same_township,
  wage: r.wage,
  nearHome: r.near_home,
  lightWork: r.light_work,
  publicWelfare: r.public_welfare,
  willingToLeave: r.willing_to_leave,
});

/**
 * The words a job is known by: its occupation, its title, their words of two or more
 * characters, and the other names of its trade and of the trades close to it
 * (OCCUPATION_GROUPS, OCCUPATION_FAMILIES): people write what they want in their own words
 * (种植, 采茶工), so a tomato-picking job (采摘工) finds them.
 */
export function jobTerms(job: { title: string; occupation: string }): string[] {
  const words = [...segmentWords(job.title), ...segmentWords(job.occupation)].filter((w) => [...w].length >= 2);
  const texts = [job.title, job.occupation];
  return [...new Set([job.occupation.trim(), job.title.trim(), ...words, ...relatedWords(texts), ...relatedWords(texts, OCCUPATION_FAMILIES)])];
}

/** Home-based and public-welfare posts also consider everyone in the job's township, whatever their trade. */
export function townshipPattern(job: { kind: string; regionCode: string }): string | null {
  return job.kind === 'HOME_BASED' || job.kind === 'PUBLIC_WELFARE' ? `${job.regionCode.slice(0, 9)}%` : null;
}

/**
 * Two-way matching: recommendedSeekers (for whoever manages the job) and recommendedJobs (for
 * the seeker or staff whose region holds them). Hard constraints are SQL WHERE clauses; the
 * score is a weighted sum of reasons with weights from the county setting matching.weights.
 */
@Injectable()
export class MatchingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly mapper: JobMapper,
    private readonly seekers: SeekersService,
    private readonly visibility: SeekerVisibility,
    private readonly settings: CountySettingsService,
    private readonly regions: RegionsService,
  ) {}

  async recommendedSeekers(actor: Actor, jobId: string, first = 10): Promise<RecommendedSeekerObject[]> {
    const job = await this.dataSource.manager.findOne(Job, { where: { id: jobId } });
    // Someone who may not manage the job learns nothing, not even that it exists.
    if (!job || !(await this.jobs.canManage(actor, job))) throw this.jobs.notFound();
    const county = job.regionCode.slice(0, 6);
    const [weights, eligible] = await Promise.all([this.settings.get(MATCHING_WEIGHTS, county), this.settings.get(PUBLIC_WELFARE_SUPPORT_GROUPS, county)]);
    const rows = (await rankSeekersForJob(this.dataSource.manager, {
      job,
      terms: jobTerms(job),
      townshipPattern: townshipPattern(job),
      weights,
      eligibleGroups: eligible,
      limit: first,
    })) as unknown as (FlagRow & { id: string; name: string; region_code: string; account_id: string | null; consent_to_recommend: boolean })[];
    const townshipName = await this.regions.nameOf(job.regionCode.slice(0, 9));
    return Promise.all(
      rows.map(async (r) => {
        const ref = { id: r.id, regionCode: r.region_code, accountId: r.account_id, consentToRecommend: r.consent_to_recommend };
        return {
          seekerId: r.id,
          name: this.visibility.mayReadFull(actor, ref) ? r.name : maskName(r.name),
          regionName: await this.regions.nameOf(r.region_code),
          score: Number(r.score),
          reasons: matchReasons(flagsOf(r), weights, { occupation: job.occupation, monthlyWage: job.monthlyWageMax, townshipName }),
        };
      }),
    );
  }

  async recommendedJobs(actor: Actor, seekerId: string, first = 10): Promise<RecommendedJobObject[]> {
    const seeker = await this.seekers.findVisible(actor, seekerId);
    const county = seeker.regionCode.slice(0, 6);
    const [weights, eligible] = await Promise.all([this.settings.get(MATCHING_WEIGHTS, county), this.settings.get(PUBLIC_WELFARE_SUPPORT_GROUPS, county)]);
    const rows: (FlagRow & { id: string })[] = await this.dataSource.query(RECOMMENDED_JOBS_SQL, [...this.weightParams(weights), eligible, seeker.id, first]);
    const jobs = rows.length ? await this.dataSource.manager.find(Job, { where: { id: In(rows.map((r) => r.id)) } }) : [];
    const byId = new Map(jobs.map((j) => [j.id, j]));
    const today = countyToday();
    const result: RecommendedJobObject[] = [];
    for (const r of rows) {
      const job = byId.get(r.id);
      if (!job) continue;
      const townshipName = await this.regions.nameOf(job.regionCode.slice(0, 9));
      result.push({
        job: await this.mapper.job(job, today),
        score: Number(r.score),
        reasons: matchReasons(flagsOf(r), weights, { occupation: job.occupation, monthlyWage: job.monthlyWageMax, townshipName }),
      });
    }
    return result;
  }

  private weightParams(weights: MatchingWeights): number[] {
    return WEIGHT_ORDER.map((key) => weights[key]);
  }
}
