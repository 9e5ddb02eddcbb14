export * from './follow-up.entity';
export * from './follow-up.object';
export * from './follow-ups.module';
export * from './follow-ups.service';
export * from './follow-ups.settings';
