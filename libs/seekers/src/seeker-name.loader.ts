import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';

import { type LoaderFactory } from '@jobcode/common';

import { JobSeeker } from './job-seeker.entity';

/** Only the names of registered people, by id: for records that name their person (bookings, applications). */
@Injectable()
export class SeekerNameLoader implements LoaderFactory<string, string> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(): DataLoader<string, string> {
    return new DataLoader(async (ids) => {
      const rows = await this.dataSource.manager.find(JobSeeker, { where: { id: In([...ids]) }, select: { id: true, name: true } });
      return ids.map((id) => rows.find((r) => r.id === id)?.name ?? '');
    });
  }
}
