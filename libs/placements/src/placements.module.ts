import { Module } from '@nestjs/common';

import { RegionsModule } from '@jobcode/regions';
import { SeekersModule } from '@jobcode/seekers';

import { PlacementsResolver } from './placements.resolver';
import { PlacementsService } from './placements.service';

@Module({
  imports: [RegionsModule, SeekersModule],
  providers: [PlacementsService, PlacementsResolver],
  exports: [PlacementsService],
})
export class PlacementsModule {}
