import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, type EntityTarget, In, type ObjectLiteral } from 'typeorm';

import { type LoaderFactory } from '@jobcode/common';

import { FairBooth } from './fair-booth.entity';
import { GigStation } from './gig-station.entity';
import { JobCaravan } from './job-caravan.entity';
import { JobFair } from './job-fair.entity';
import { Workshop } from './workshop.entity';

function byId<T extends ObjectLiteral & { id: string }>(dataSource: DataSource, entity: EntityTarget<T>): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await dataSource.manager.find(entity, { where: { id: In([...ids]) } as never });
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

@Injectable()
export class GigStationLoader implements LoaderFactory<string, GigStation | null> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}
  create(): DataLoader<string, GigStation | null> {
    return byId(this.dataSource, GigStation);
  }
}

@Injectable()
export class WorkshopLoader implements LoaderFactory<string, Workshop | null> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}
  create(): DataLoader<string, Workshop | null> {
    return byId(this.dataSource, Workshop);
  }
}

@Injectable()
export class JobFairLoader implements LoaderFactory<string, JobFair | null> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}
  create(): DataLoader<string, JobFair | null> {
    return byId(this.dataSource, JobFair);
  }
}

@Injectable()
export class JobCaravanLoader implements LoaderFactory<string, JobCaravan | null> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}
  create(): DataLoader<string, JobCaravan | null> {
    return byId(this.dataSource, JobCaravan);
  }
}

/** The booths of each fair, in booth-number order. */
@Injectable()
export class FairBoothsLoader implements LoaderFactory<string, FairBooth[]> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}
  create(): DataLoader<string, FairBooth[]> {
    return new DataLoader(async (fairIds) => {
      const rows = await this.dataSource.manager.find(FairBooth, { where: { fairId: In([...fairIds]) }, order: { boothNumber: 'ASC', createdAt: 'ASC' } });
      return fairIds.map((id) => rows.filter((r) => r.fairId === id));
    });
  }
}
