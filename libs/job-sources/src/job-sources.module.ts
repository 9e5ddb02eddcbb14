import { Global, Module } from '@nestjs/common';

import { FairBoothsResolver } from './fair-booths.resolver';
import { GigStationsResolver } from './gig-stations.resolver';
import { JobFairsResolver } from './job-fairs.resolver';
import { FairBoothsLoader, GigStationLoader, JobCaravanLoader, JobFairLoader, WorkshopLoader } from './job-sources.loaders';
import { JobSourcesMapper } from './job-sources.mapper';
import { JobSourcesService } from './job-sources.service';
import { WorkshopsResolver } from './workshops.resolver';

const LOADERS = [GigStationLoader, WorkshopLoader, JobFairLoader, JobCaravanLoader, FairBoothsLoader];

@Global()
@Module({
  providers: [JobSourcesService, JobSourcesMapper, GigStationsResolver, WorkshopsResolver, JobFairsResolver, FairBoothsResolver, ...LOADERS],
  exports: [JobSourcesService, JobSourcesMapper, ...LOADERS],
})
export class JobSourcesModule {}
