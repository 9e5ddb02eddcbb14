export * from './follow-up.entity';
