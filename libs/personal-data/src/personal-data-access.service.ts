import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';

import { type Actor, type LoaderFactory, type RequestContext } from '@jobcode/common';

import { PersonalDataAccess, PersonalDataField } from './personal-data-access.entity';

export interface PersonalDataRead {
  subjectKind: string;
  subjectId: string;
  field: PersonalDataField;
  purpose: string;
  channel: string;
}

export const MAX_PURPOSE_LENGTH = 200;

/** Rows per INSERT when logging a bulk read (an export): 7 parameters each, well under PostgreSQL's 65535. */
const BATCH = 5000;

/**
 * Writes the personal-data access log. Per request, reads go through a DataLoader
 * (`loader(context)`), so a page of 20 seekers showing ID numbers and phones costs one
 * INSERT, and the same field of the same person read twice in one request is logged once.
 */
@Injectable()
export class PersonalDataAccessLog implements LoaderFactory<string, true> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends the reads of one actor in batched INSERTs; pass `manager` to join a transaction. */
  async record(actor: Actor, reads: readonly PersonalDataRead[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    for (let start = 0; start < reads.length; start += BATCH) {
      const rows = reads.slice(start, start + BATCH).map((read) => ({
        accountId: actor.accountId,
        role: actor.role,
        subjectKind: read.subjectKind,
        subjectId: read.subjectId,
        field: read.field,
        purpose: read.purpose.slice(0, MAX_PURPOSE_LENGTH),
        channel: read.channel.slice(0, 100),
      }));
      await manager.createQueryBuilder().insert().into(PersonalDataAccess).values(rows).updateEntity(false).execute();
    }
  }

  create(context: RequestContext): DataLoader<string, true> {
    return new DataLoader<string, true>(async (keys) => {
      const actor = context.actor;
      if (!actor) throw new Error('Personal data read without a signed-in actor');
      await this.record(
        actor,
        keys.map((key) => JSON.parse(key) as PersonalDataRead),
      );
      return keys.map(() => true as const);
    });
  }

  /** Logs one full read within the current request (batched, once per subject, field and purpose). */
  async logRead(context: RequestContext, read: PersonalDataRead): Promise<void> {
    await context.loaders.get(this).load(JSON.stringify(read));
  }

  /** The reads of one subject, newest first (for staff audits and the person themself). */
  async readsOf(subjectId: string, limit = 100): Promise<PersonalDataAccess[]> {
    return this.dataSource.manager.find(PersonalDataAccess, { where: { subjectId }, order: { at: 'DESC', id: 'DESC' }, take: limit });
  }
}
