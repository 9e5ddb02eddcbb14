import { Module } from '@nestjs/common';

import { RegionScope } from './region-scope';
import { RegionsResolver } from './regions.resolver';
import { RegionsService } from './regions.service';

@Module({ providers: [RegionsService, RegionScope, RegionsResolver], exports: [RegionsService, RegionScope] })
export class RegionsModule {}
