import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, LessThanOrEqual } from 'typeorm';

import { type Actor, countyToday, RegionLevel } from '@jobcode/common';
import { inTransaction } from '@jobcode/database';
import { Employer } from '@jobcode/employers';
import { Job, JOB_CHANGED, JobStatus } from '@jobcode/jobs';
import { NotificationChannel, NotificationsService, NotificationTemplates } from '@jobcode/notifications';
import { OutboxService } from '@jobcode/outbox';
import { RegionsService } from '@jobcode/regions';
import { type JobSearchFilter, toSearchDocument } from '@jobcode/search';

import { type SaveJobSearchInput } from './dto/save-job-search.input';
import { matchesSavedSearch } from './saved-search-match';
import { SavedSearch } from './saved-search.entity';
import { SavedSearchesException, SavedSearchesExceptionCode } from './saved-searches.exception';

export const MAX_SAVED_SEARCHES = 20;
export const SAVED_SEARCH_ALERT_HANDLER = 'saved-searches.alert';
export const NEW_JOB_TEMPLATE = 'saved-search.new-job';

const WAGE_UNIT_WORD: Record<string, string> = { MONTH: '元/月', DAY: '元/天', HOUR: '元/小时', PIECE: '元/件' };

/**
 * Saved searches and their alerts: when a job becomes open (job.changed), every saved search
 * it matches, saved before the job was published, tells its owner once (in-app message
 * through the notification port; saved_search_alert's key makes it once per search and job).
 */
@Injectable()
export class SavedSearchesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationsService,
    private readonly templates: NotificationTemplates,
    private readonly regions: RegionsService,
  ) {}

  onModuleInit(): void {
    this.templates.register({
      key: NEW_JOB_TEMPLATE,
      title: '有新岗位符合“{search}”',
      text: '{title}（{employer}，{wage}）正在招聘，打开就业服务码平台查看详情。',
    });
    this.outbox.subscribe<{ jobId: string }>(JOB_CHANGED, SAVED_SEARCH_ALERT_HANDLER, async (event, { manager }) => {
      await this.alert(event.payload.jobId, manager);
    });
  }

  async save(actor: Actor, input: SaveJobSearchInput): Promise<SavedSearch> {
    const filter: JobSearchFilter = {};
    const f = input.filter ?? {};
    if (f.withinKm !== undefined && f.withinKm !== null) {
      throw new SavedSearchesException(SavedSearchesExceptionCode.INVALID_SAVED_SEARCH, '按距离筛选的搜索不能保存，请改用区划（regionCode）筛选', {
        field: 'input.filter.withinKm',
      });
    }
    if (f.regionCode)
      filter.regionCode = (
        await this.regions.require(f.regionCode, 'input.filter.regionCode', [RegionLevel.COUNTY, RegionLevel.TOWNSHIP, RegionLevel.VILLAGE])
      ).code;
    if (f.kinds?.length) filter.kinds = f.kinds;
    if (f.minMonthlyWage !== undefined && f.minMonthlyWage !== null) filter.minMonthlyWage = f.minMonthlyWage;
    if (f.benefits?.length) filter.benefits = f.benefits;
    if (f.sourceKinds?.length) filter.sourceKinds = f.sourceKinds;
    const query = input.query?.trim() || null;
    if (!query && Object.keys(filter).length === 0) {
      throw new SavedSearchesException(SavedSearchesExceptionCode.INVALID_SAVED_SEARCH, '请填写搜索词或至少一个筛选条件再保存', { field: 'input.query' });
    }
    return inTransaction(this.dataSource, async (manager) => {
      // One account's saves are serialised so the limit holds under concurrent requests.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`saved-search:${actor.accountId}`]);
      const count = await manager.count(SavedSearch, { where: { accountId: actor.accountId } });
      if (count >= MAX_SAVED_SEARCHES) {
        throw new SavedSearchesException(SavedSearchesExceptionCode.TOO_MANY_SAVED_SEARCHES, `最多保存 ${MAX_SAVED_SEARCHES} 个搜索，请先删除不用的`);
      }
      return manager.save(manager.create(SavedSearch, { accountId: actor.accountId, name: input.name.trim(), query, filter }));
    });
  }

  async remove(actor: Actor, savedSearchId: string): Promise<boolean> {
    const result = await this.dataSource.manager.delete(SavedSearch, { id: savedSearchId, accountId: actor.accountId });
    if (!result.affected) throw new SavedSearchesException(SavedSearchesExceptionCode.SAVED_SEARCH_NOT_FOUND, '没有找到这个保存的搜索（可能已经删除）');
    return true;
  }

  mine(actor: Actor): Promise<SavedSearch[]> {
    return this.dataSource.manager.find(SavedSearch, { where: { accountId: actor.accountId }, order: { createdAt: 'DESC' } });
  }

  /** Tells the owners of matching saved searches about an open job, once each. Returns how many were told. */
  async alert(jobId: string, manager: EntityManager): Promise<number> {
    const job = await manager.findOne(Job, { where: { id: jobId } });
    if (!job || job.status !== JobStatus.OPEN || job.validTo < countyToday() || !job.publishedAt) return 0;
    const employer = job.employerId ? await manager.findOne(Employer, { where: { id: job.employerId }, select: { id: true, name: true } }) : null;
    const doc = toSearchDocument(job, employer?.name ?? null);
    const searches = await manager.find(SavedSearch, { where: { createdAt: LessThanOrEqual(job.publishedAt) } });
    let told = 0;
    for (const search of searches.filter((s) => matchesSavedSearch(s, doc))) {
      const inserted = (await manager.query(
        `INSERT INTO saved_search_alert (saved_search_id, job_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING job_id`,
        [search.id, job.id],
      )) as unknown[];
      if (inserted.length === 0) continue;
      await this.notifications.send(manager, {
        to: { accountId: search.accountId },
        channel: NotificationChannel.IN_APP,
        template: NEW_JOB_TEMPLATE,
        params: {
          search: search.name,
          title: job.title,
          employer: employer?.name ?? '人社局公益性岗位',
          wage: `${job.wageMin === job.wageMax ? job.wageMin : `${job.wageMin}–${job.wageMax}`} ${WAGE_UNIT_WORD[job.wageUnit] ?? '元'}`,
        },
        idempotencyKey: `saved-search:${search.id}:${job.id}`,
      });
      told += 1;
    }
    return told;
  }
}
