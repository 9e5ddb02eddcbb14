import { Module } from '@nestjs/common';

import { SeekersModule } from '@jobcode/seekers';

import { PlacementsResolver } from './placements.resolver';
import { PlacementsService } from './placements.service';

@Module({
  imports: [SeekersModule],
  providers: [PlacementsService, PlacementsResolver],
  exports: [PlacementsService],
})
export class PlacementsModule {}
