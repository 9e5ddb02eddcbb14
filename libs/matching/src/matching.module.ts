import { Module } from '@nestjs/common';

import { JobsModule } from '@jobcode/jobs';
import { SeekersModule } from '@jobcode/seekers';

import { MatchingResolver } from './matching.resolver';
import { MatchingService } from './matching.service';

/** Two-way matching of seekers and jobs, explained. */
@Module({
  imports: [JobsModule, SeekersModule],
  providers: [MatchingService, MatchingResolver],
  exports: [MatchingService],
})
export class MatchingModule {}
