import { Global, Module } from '@nestjs/common';

import { RegionScope } from './region-scope';
import { RegionsResolver } from './regions.resolver';
import { RegionsService } from './regions.service';

@Global()
@Module({ providers: [RegionsService, RegionScope, RegionsResolver], exports: [RegionsService, RegionScope] })
export class RegionsModule {}
