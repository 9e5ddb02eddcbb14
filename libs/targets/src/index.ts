export * from './target-metric';
export * from './target-progress.object';
export * from './target.entity';
export * from './targets.module';
export * from './targets.service';
