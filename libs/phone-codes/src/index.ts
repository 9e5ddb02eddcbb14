export * from './phone-code.entity';
export * from './phone-code-purpose';
export * from './phone-codes.exception';
export * from './phone-codes.module';
export * from './phone-codes.service';
