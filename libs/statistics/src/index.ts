export * from './period';
export * from './placement-stats.object';
export * from './stats-group-by';
export * from './statistics.module';
export * from './statistics.service';
export * from './placement-ledger.service';
export * from './dashboard.objects';
export * from './dashboard.service';
