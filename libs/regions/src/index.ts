export * from './region-scope';
export * from './region.entity';
export * from './region.object';
export * from './regions.module';
export * from './regions.service';
export * from './seed/region-seed';
