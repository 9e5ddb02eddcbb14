import { Module } from '@nestjs/common';

import { CountySettingsModule } from '@jobcode/county-settings';
import { RegionsModule } from '@jobcode/regions';

import { PolicyRulesResolver } from './policy-rules.resolver';
import { PolicyRulesService } from './policy-rules.service';

@Module({
  imports: [CountySettingsModule, RegionsModule],
  providers: [PolicyRulesService, PolicyRulesResolver],
  exports: [PolicyRulesService],
})
export class PolicyRulesModule {}
