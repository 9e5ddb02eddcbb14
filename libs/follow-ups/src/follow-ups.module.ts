import { Module } from '@nestjs/common';

import { CountySettingsModule } from '@jobcode/county-settings';
import { RegionsModule } from '@jobcode/regions';

import { FollowUpsResolver } from './follow-ups.resolver';
import { FollowUpsService } from './follow-ups.service';

@Module({
  imports: [CountySettingsModule, RegionsModule],
  providers: [FollowUpsService, FollowUpsResolver],
  exports: [FollowUpsService],
})
export class FollowUpsModule {}
