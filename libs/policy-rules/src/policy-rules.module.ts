import { Module } from '@nestjs/common';

import { PolicyRulesResolver } from './policy-rules.resolver';
import { PolicyRulesService } from './policy-rules.service';

@Module({
  providers: [PolicyRulesService, PolicyRulesResolver],
  exports: [PolicyRulesService],
})
export class PolicyRulesModule {}
