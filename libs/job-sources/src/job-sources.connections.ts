import { ObjectType } from '@nestjs/graphql';

import { Connection } from '@jobcode/common';

import { GigStationObject, JobFairObject, WorkshopObject } from './job-sources.objects';

@ObjectType('GigStationConnection')
export class GigStationConnection extends Connection(GigStationObject, 'GigStation') {}

@ObjectType('WorkshopConnection')
export class WorkshopConnection extends Connection(WorkshopObject, 'Workshop') {}

@ObjectType('JobFairConnection')
export class JobFairConnection extends Connection(JobFairObject, 'JobFair') {}
