import { Module } from '@nestjs/common';

import { RegionsModule } from '@jobcode/regions';
import { StatisticsModule } from '@jobcode/statistics';

import { TargetsResolver } from './targets.resolver';
import { TargetsService } from './targets.service';

@Module({
  imports: [RegionsModule, StatisticsModule],
  providers: [TargetsService, TargetsResolver],
  exports: [TargetsService],
})
export class TargetsModule {}
