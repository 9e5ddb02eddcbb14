import { Module } from '@nestjs/common';

import { FollowUpsResolver } from './follow-ups.resolver';
import { FollowUpsService } from './follow-ups.service';

@Module({
  providers: [FollowUpsService, FollowUpsResolver],
  exports: [FollowUpsService],
})
export class FollowUpsModule {}
