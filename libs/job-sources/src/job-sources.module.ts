import { Module } from '@nestjs/common';

import { EmployersModule } from '@jobcode/employers';
import { RegionsModule } from '@jobcode/regions';

import { FairBoothsResolver } from './fair-booths.resolver';
import { GigStationsResolver } from './gig-stations.resolver';
import { JobFairsResolver } from './job-fairs.resolver';
import { FairBoothsLoader, GigStationLoader, JobCaravanLoader, JobFairLoader, WorkshopLoader } from './job-sources.loaders';
import { JobSourcesMapper } from './job-sources.mapper';
import { JobSourcesService } from './job-sources.service';
import { WorkshopsResolver } from './workshops.resolver';

const LOADERS = [GigStationLoader, WorkshopLoader, JobFairLoader, JobCaravanLoader, FairBoothsLoader];

@Module({
  imports: [EmployersModule, RegionsModule],
  providers: [JobSourcesService, JobSourcesMapper, GigStationsResolver, WorkshopsResolver, JobFairsResolver, FairBoothsResolver, ...LOADERS],
  exports: [JobSourcesService, JobSourcesMapper, ...LOADERS],
})
export class JobSourcesModule {}
