import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@jobcode/applications';
import { SeekersModule } from '@jobcode/seekers';

import { PrivacyController } from './privacy.controller';
import { PrivacyResolver } from './privacy.resolver';
import { PrivacyService } from './privacy.service';

@Module({
  imports: [SeekersModule, ApplicationsModule],
  controllers: [PrivacyController],
  providers: [PrivacyService, PrivacyResolver],
})
export class PrivacyModule {}
