import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { SecurityEvent, SecurityEventKind } from './security-event.entity';

export interface SecurityEventInput {
  kind: SecurityEventKind;
  accountId?: string | null;
  subject?: string | null;
  detail?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  private readonly logger = new Logger('Security');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends a security event; pass `manager` to make it part of a transaction. */
  async security(event: SecurityEventInput, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.insert(SecurityEvent, {
      kind: event.kind,
      accountId: event.accountId ?? null,
      subject: event.subject ?? null,
      detail: (event.detail ?? {}) as object,
    });
    this.logger.log(`${event.kind} account=${event.accountId ?? '-'} subject=${event.subject ?? '-'}`);
  }

  async recent(accountId: string, limit = 50): Promise<SecurityEvent[]> {
    return this.dataSource.manager.find(SecurityEvent, { where: { accountId }, order: { at: 'DESC', id: 'DESC' }, take: limit });
  }
}
