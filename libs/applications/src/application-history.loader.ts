import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';

import { type LoaderFactory } from '@jobcode/common';

import { ApplicationEventObject } from './application.object';
import { ApplicationsService } from './applications.service';

/** The history of many applications in one query. */
@Injectable()
export class ApplicationHistoryLoader implements LoaderFactory<string, ApplicationEventObject[]> {
  constructor(private readonly applications: ApplicationsService) {}

  create(): DataLoader<string, ApplicationEventObject[]> {
    return new DataLoader(async (ids) => {
      const byApplication = await this.applications.history(ids);
      return ids.map((id) =>
        (byApplication.get(id) ?? []).map((e) => ({ from: e.fromStatus, to: e.toStatus, actorAccountId: e.actorAccountId, reason: e.reason, at: e.createdAt })),
      );
    });
  }
}
