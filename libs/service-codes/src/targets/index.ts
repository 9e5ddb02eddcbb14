import type { Type } from '@nestjs/common';

import type { ServiceCodeTargetAdapter } from '../service-code-target';
import { ContractTarget } from './contract.target';
import { GigStationTarget } from './gig-station.target';
import { JobFairTarget } from './job-fair.target';
import { JobTarget } from './job.target';
import { ContractScan, GigStationScan, JobFairScan, JobScan, SeekerScan, WorkshopScan } from './scan-views.object';
import { SeekerTarget } from './seeker.target';
import { WorkshopTarget } from './workshop.target';

/** One adapter per target kind; each lives in its own file in this folder. */
export const TARGET_ADAPTERS: Type<ServiceCodeTargetAdapter>[] = [GigStationTarget, WorkshopTarget, JobFairTarget, JobTarget, SeekerTarget, ContractTarget];

/** The GraphQL object types the adapters return from `scan`. */
export const SCAN_VIEW_TYPES: Type<object>[] = [GigStationScan, WorkshopScan, JobFairScan, JobScan, SeekerScan, ContractScan];
