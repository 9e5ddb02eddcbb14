export * from './embedded-postgres';
export * from './migrate';
export * from './transaction';
export * from './snake-naming.strategy';
