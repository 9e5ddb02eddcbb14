import { Module } from '@nestjs/common';

import { CountySettingsModule } from '@jobcode/county-settings';
import { JobsModule } from '@jobcode/jobs';
import { RegionsModule } from '@jobcode/regions';
import { SeekersModule } from '@jobcode/seekers';

import { MatchingResolver } from './matching.resolver';
import { MatchingService } from './matching.service';

/** Two-way matching of seekers and jobs, explained. */
@Module({
  imports: [CountySettingsModule, JobsModule, RegionsModule, SeekersModule],
  providers: [MatchingService, MatchingResolver],
  exports: [MatchingService],
})
export class MatchingModule {}
