export * from './embedded-postgres';
export * from './pglite-batch-queue';
export * from './migrate';
export * from './one-session-guard';
export * from './transaction';
export * from './snake-naming.strategy';
export * from './write-tracking';
