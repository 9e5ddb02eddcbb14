export * from './target-metric';
export * from './target.entity';
