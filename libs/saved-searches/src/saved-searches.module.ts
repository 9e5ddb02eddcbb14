import { Module } from '@nestjs/common';

import { NotificationsModule } from '@jobcode/notifications';
import { RegionsModule } from '@jobcode/regions';

import { SavedSearchesResolver } from './saved-searches.resolver';
import { SavedSearchesService } from './saved-searches.service';

/** Saved job searches and their new-job alerts. */
@Module({
  imports: [NotificationsModule, RegionsModule],
  providers: [SavedSearchesService, SavedSearchesResolver],
  exports: [SavedSearchesService],
})
export class SavedSearchesModule {}
