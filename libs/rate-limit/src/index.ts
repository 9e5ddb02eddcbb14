export * from './rate-limit-bucket.entity';
export * from './rate-limit.module';
export * from './rate-limit.service';
