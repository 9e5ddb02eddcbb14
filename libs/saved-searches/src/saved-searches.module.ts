import { Module } from '@nestjs/common';

import { SavedSearchesResolver } from './saved-searches.resolver';
import { SavedSearchesService } from './saved-searches.service';

/** Saved job searches and their new-job alerts. */
@Module({
  providers: [SavedSearchesService, SavedSearchesResolver],
  exports: [SavedSearchesService],
})
export class SavedSearchesModule {}
