export * from './personal-data-access.entity';
export * from './personal-data-access.service';
export * from './personal-data-cipher';
export * from './personal-data.module';
export * from './read-channel-words';
