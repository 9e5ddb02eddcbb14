import { Module } from '@nestjs/common';

import { AccountsModule } from '@jobcode/accounts';
import { ApplicationsModule } from '@jobcode/applications';
import { NotificationsModule } from '@jobcode/notifications';
import { SeekersModule } from '@jobcode/seekers';

import { PrivacyController } from './privacy.controller';
import { PrivacyResolver } from './privacy.resolver';
import { PrivacyService } from './privacy.service';

@Module({
  imports: [AccountsModule, ApplicationsModule, NotificationsModule, SeekersModule],
  controllers: [PrivacyController],
  providers: [PrivacyService, PrivacyResolver],
})
export class PrivacyModule {}
