import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';

import { type LoaderFactory } from '@jobcode/common';
import { Job, JobShift } from '@jobcode/jobs';
import { JobSeeker } from '@jobcode/seekers';

import { type GigRating } from './gig-rating.entity';
import { GigRatingsService } from './gig-ratings.service';

@Injectable()
export class GigShiftLoader implements LoaderFactory<string, JobShift | undefined> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(): DataLoader<string, JobShift | undefined> {
    return new DataLoader(async (ids) => {
      const rows = await this.dataSource.manager.find(JobShift, { where: { id: In([...ids]) } });
      return ids.map((id) => rows.find((r) => r.id === id));
    });
  }
}

@Injectable()
export class GigJobLoader implements LoaderFactory<string, Job | undefined> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(): DataLoader<string, Job | undefined> {
    return new DataLoader(async (ids) => {
      const rows = await this.dataSource.manager.find(Job, { where: { id: In([...ids]) } });
      return ids.map((id) => rows.find((r) => r.id === id));
    });
  }
}

/** Only the name: what an employer needs to call out at the meeting point. */
@Injectable()
export class GigSeekerNameLoader implements LoaderFactory<string, string> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(): DataLoader<string, string> {
    return new DataLoader(async (ids) => {
      const rows = await this.dataSource.manager.find(JobSeeker, { where: { id: In([...ids]) }, select: { id: true, name: true } });
      return ids.map((id) => rows.find((r) => r.id === id)?.name ?? '');
    });
  }
}

@Injectable()
export class GigRatingsLoader implements LoaderFactory<string, GigRating[]> {
  constructor(private readonly ratings: GigRatingsService) {}

  create(): DataLoader<string, GigRating[]> {
    return new DataLoader(async (ids) => {
      const published = await this.ratings.publishedFor(ids);
      return ids.map((id) => published.get(id) ?? []);
    });
  }
}
