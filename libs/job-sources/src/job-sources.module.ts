import { Module } from '@nestjs/common';

import { EmployersModule } from '@jobcode/employers';
import { RegionsModule } from '@jobcode/regions';

import { FairBoothsResolver } from './fair-booths.resolver';
import { FairBoothsService } from './fair-booths.service';
import { GigStationsResolver } from './gig-stations.resolver';
import { GigStationsService } from './gig-stations.service';
import { JobFairsResolver } from './job-fairs.resolver';
import { JobFairsService } from './job-fairs.service';
import { FairBoothsLoader, GigStationLoader, JobCaravanLoader, JobFairLoader, WorkshopLoader } from './job-sources.loaders';
import { JobSourcesMapper } from './job-sources.mapper';
import { WorkshopsResolver } from './workshops.resolver';
import { WorkshopsService } from './workshops.service';

const LOADERS = [GigStationLoader, WorkshopLoader, JobFairLoader, JobCaravanLoader, FairBoothsLoader];

const SERVICES = [GigStationsService, WorkshopsService, JobFairsService, FairBoothsService];

@Module({
  imports: [EmployersModule, RegionsModule],
  providers: [...SERVICES, JobSourcesMapper, GigStationsResolver, WorkshopsResolver, JobFairsResolver, FairBoothsResolver, ...LOADERS],
  exports: [...SERVICES, JobSourcesMapper, ...LOADERS],
})
export class JobSourcesModule {}
