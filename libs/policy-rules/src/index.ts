export * from './policy-rules.module';
export * from './policy-rules.service';
export * from './policy-rules.settings';
export * from './subsidy.object';
