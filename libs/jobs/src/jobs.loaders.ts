import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';

import { type LoaderFactory } from '@jobcode/common';
import { CountySettingsService } from '@jobcode/county-settings';

import { boothPostsSql, fairPostsSql } from './fair-posts';
import { JobShift } from './job-shift.entity';
import { Job } from './job.entity';
import { JobFairTotalsObject } from './job.object';
import { PUBLIC_WELFARE_SUPPORT_GROUPS } from './jobs.settings';

/** Jobs by id, whatever their status: for records that point at a job (bookings, applications) already checked against the caller. */
@Injectable()
export class JobByIdLoader implements LoaderFactory<string, Job | undefined> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(): DataLoader<string, Job | undefined> {
    return new DataLoader(async (ids) => {
      const rows = await this.dataSource.manager.find(Job, { where: { id: In([...ids]) } });
      return ids.map((id) => rows.find((r) => r.id === id));
    });
  }
}

/** The shifts of each job, in date order. */
@Injectable()
export class JobShiftsLoader implements LoaderFactory<string, JobShift[]> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(): DataLoader<string, JobShift[]> {
    return new DataLoader(async (jobIds) => {
      const rows = await this.dataSource.manager.find(JobShift, { where: { jobId: In([...jobIds]) }, order: { date: 'ASC', startTime: 'ASC' } });
      return jobIds.map((id) => rows.filter((r) => r.jobId === id));
    });
  }
}

/** A fair's totals in one SQL statement per batch of fairs: employers = booths; posts as `fairPostsSql` defines them; jobs = its published jobs. */
@Injectable()
export class JobFairTotalsLoader implements LoaderFactory<string, JobFairTotalsObject> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(): DataLoader<string, JobFairTotalsObject> {
    return new DataLoader(async (fairIds) => {
      const rows: { fair_id: string; employers: number; posts: number; jobs: number }[] = await this.dataSource.query(
        `SELECT f.fair_id,
                (SELECT count(*) FROM fair_booth b WHERE b.fair_id = f.fair_id)::int AS employers,
                ${fairPostsSql('f.fair_id')} AS posts,
                (SELECT count(*) FROM job j WHERE j.fair_id = f.fair_id AND j.status <> 'DRAFT')::int AS jobs
           FROM unnest($1::uuid[]) AS f(fair_id)`,
        [[...fairIds]],
      );
      const byId = new Map(rows.map((r) => [r.fair_id, r]));
      return fairIds.map((id) => {
        const row = byId.get(id);
        return { employers: row?.employers ?? 0, posts: row?.posts ?? 0, jobs: row?.jobs ?? 0 };
      });
    });
  }
}

/** Posts each booth brings, as `boothPostsSql` defines them. */
@Injectable()
export class FairBoothPostsLoader implements LoaderFactory<string, number> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(): DataLoader<string, number> {
    return new DataLoader(async (boothIds) => {
      const rows: { id: string; posts: number }[] = await this.dataSource.query(
        `SELECT b.id, coalesce(${boothPostsSql('b')}, 0)::int AS posts FROM fair_booth b WHERE b.id = ANY($1::uuid[])`,
        [[...boothIds]],
      );
      const byId = new Map(rows.map((r) => [r.id, r.posts]));
      return boothIds.map((id) => byId.get(id) ?? 0);
    });
  }
}

/** The support groups allowed to take public-welfare posts, per county (usually one county: one query). */
@Injectable()
export class PublicWelfareGroupsLoader implements LoaderFactory<string, string[]> {
  constructor(private readonly settings: CountySettingsService) {}

  create(): DataLoader<string, string[]> {
    return new DataLoader(async (countyCodes) => Promise.all(countyCodes.map((code) => this.settings.get(PUBLIC_WELFARE_SUPPORT_GROUPS, code))));
  }
}
