import { Module } from '@nestjs/common';

import { RegionsModule } from '@jobcode/regions';
import { SeekersModule } from '@jobcode/seekers';

import { DashboardResolver } from './dashboard.resolver';
import { DashboardService } from './dashboard.service';
import { PlacementLedgerService } from './placement-ledger.service';
import { StatisticsController } from './statistics.controller';
import { StatisticsResolver } from './statistics.resolver';
import { StatisticsService } from './statistics.service';

@Module({
  imports: [RegionsModule, SeekersModule],
  controllers: [StatisticsController],
  providers: [StatisticsService, StatisticsResolver, PlacementLedgerService, DashboardService, DashboardResolver],
  exports: [StatisticsService, DashboardService],
})
export class StatisticsModule {}
