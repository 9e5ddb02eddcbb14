import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';

import { type LoaderFactory } from '@jobcode/common';
import { JobShift } from '@jobcode/jobs';

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
export class GigRatingsLoader implements LoaderFactory<string, GigRating[]> {
  constructor(private readonly ratings: GigRatingsService) {}

  create(): DataLoader<string, GigRating[]> {
    return new DataLoader(async (ids) => {
      const published = await this.ratings.publishedFor(ids);
      return ids.map((id) => published.get(id) ?? []);
    });
  }
}
