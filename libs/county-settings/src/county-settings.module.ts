import { Global, Module } from '@nestjs/common';

import { CountySettingsResolver } from './county-settings.resolver';
import { CountySettingsService } from './county-settings.service';

@Global()
@Module({ providers: [CountySettingsService, CountySettingsResolver], exports: [CountySettingsService] })
export class CountySettingsModule {}
