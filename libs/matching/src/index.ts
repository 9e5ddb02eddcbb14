export * from './match-reasons';
export * from './matching.module';
export * from './matching.service';
export * from './matching.settings';
export * from './recommendation.object';
export * from './matching.sql';
export * from './seeker-buckets';
