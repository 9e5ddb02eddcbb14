import { Controller, Get, Header, Inject } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Allow, PUBLIC } from '@jobcode/common';

import { DATABASE_TARGET, type DatabaseTarget } from '../bootstrap/database';

export interface HealthReport {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  embedded: boolean;
  migrations: number;
}

@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DATABASE_TARGET) private readonly target: DatabaseTarget,
  ) {}

  @Allow(PUBLIC)
  @Get()
  @Header('Cache-Control', 'no-store')
  async health(): Promise<HealthReport> {
    try {
      const [{ count }] = (await this.dataSource.query('SELECT count(*)::int AS count FROM migration')) as { count: number }[];
      return { status: 'ok', database: 'up', embedded: this.target.embedded, migrations: count };
    } catch {
      return { status: 'degraded', database: 'down', embedded: this.target.embedded, migrations: 0 };
    }
  }
}
