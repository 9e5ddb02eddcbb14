import { Module } from '@nestjs/common';

import { RegionsModule } from '@jobcode/regions';

import { CountySettingsResolver } from './county-settings.resolver';
import { CountySettingsService } from './county-settings.service';

@Module({
  imports: [RegionsModule],
  providers: [CountySettingsService, CountySettingsResolver],
  exports: [CountySettingsService],
})
export class CountySettingsModule {}
