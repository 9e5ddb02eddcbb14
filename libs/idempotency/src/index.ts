export * from './idempotency-key.entity';
export * from './idempotency.module';
export * from './idempotency.plugin';
export * from './idempotency.service';
