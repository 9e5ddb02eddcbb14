export * from './saved-search-alert.entity';
export * from './saved-search-match';
export * from './saved-search.entity';
export * from './saved-searches.exception';
export * from './saved-searches.module';
export * from './saved-searches.service';
