import { Module } from '@nestjs/common';

import { StatisticsModule } from '@jobcode/statistics';

import { TargetsResolver } from './targets.resolver';
import { TargetsService } from './targets.service';

@Module({
  imports: [StatisticsModule],
  providers: [TargetsService, TargetsResolver],
  exports: [TargetsService],
})
export class TargetsModule {}
