import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { Account } from '@jobcode/accounts';
import { type Actor, type ConnectionShape, keysetConnection, type KeysetOrder, maskPhone, parsePhone } from '@jobcode/common';
import { type OutboxEvent, OutboxService } from '@jobcode/outbox';
import { PersonalDataCipher } from '@jobcode/personal-data';

import { NotificationChannel } from './notification-channel';
import { NotificationMessage } from './notification-message.entity';
import { NotificationTemplates, type TemplateParams } from './notification-templates';
import { NotificationObject } from './notification.object';
import { NotificationPort } from './notification.port';
import { NotificationsException, NotificationsExceptionCode } from './notifications.exception';

/** What a feature asks for. */
export interface NotificationRequest {
  /** An account, a mobile number, or both (SMS goes to the phone, or to the account's phone). */
  to: { accountId?: string; phone?: string };
  channel: NotificationChannel;
  /** A registered template key, e.g. `account.welcome`. */
  template: string;
  params?: TemplateParams;
  /** The same key sends once, e.g. `contract:<id>:sent`. */
  idempotencyKey?: string;
}

/** The outbox event a request travels in; the phone and the parameters (names, places) only encrypted. */
interface NotificationRequested {
  channel: NotificationChannel;
  accountId: string | null;
  phoneEncrypted: string | null;
  template: string;
  paramsEncrypted: string;
}

export const NOTIFICATION_REQUESTED = 'notification.requested';
const DELIVER_HANDLER = 'notifications.deliver';

export interface NotificationFilter {
  channel?: NotificationChannel;
  templateKey?: string;
  /** Only messages not yet read (their totalCount is the unread count). */
  unread?: boolean;
}

/**
 * The notification port features use: `send` validates and renders now, then hands the
 * message to the outbox in the caller's transaction, so it goes out only if the change
 * commits, and a failed delivery is retried, never lost.
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly templates: NotificationTemplates,
    private readonly port: NotificationPort,
    private readonly cipher: PersonalDataCipher,
  ) {}

  onModuleInit(): void {
    this.outbox.subscribe<NotificationRequested>(NOTIFICATION_REQUESTED, DELIVER_HANDLER, (event, context) => this.deliver(event, context.manager));
  }

  /**
   * Queues a notification in the caller's transaction (`manager` of an open transaction).
   * Refuses, with BAD_USER_INPUT / NOT_FOUND naming the problem, an unknown template,
   * missing or unknown parameters, a missing recipient, an unknown account, a bad phone.
   * Returns the outbox event id.
   */
  async send(manager: EntityManager, request: NotificationRequest): Promise<string> {
    const params = request.params ?? {};
    this.templates.render(request.template, params);
    const accountId = request.to.accountId ?? null;
    const phone = request.to.phone ? parsePhone(request.to.phone, 'to.phone') : null;
    if (!accountId && !phone) {
      throw new NotificationsException(NotificationsExceptionCode.NO_RECIPIENT, '请指定通知的收件人：账号或手机号', { field: 'to' });
    }
    if (request.channel !== NotificationChannel.SMS && !accountId) {
      throw new NotificationsException(
        NotificationsExceptionCode.NO_RECIPIENT,
        '站内消息和微信消息只能发给账号，请指定 to.accountId；只有手机号时请用短信（SMS）',
        { field: 'to.accountId' },
      );
    }
    if (accountId && !(await manager.existsBy(Account, { id: accountId }))) {
      throw new NotificationsException(NotificationsExceptionCode.RECIPIENT_NOT_FOUND, '收件账号不存在，请确认账号编号', { field: 'to.accountId' });
    }
    const payload: NotificationRequested = {
      channel: request.channel,
      accountId,
      phoneEncrypted: phone ? this.cipher.encrypt(phone) : null,
      template: request.template,
      paramsEncrypted: this.cipher.encrypt(JSON.stringify(params)),
    };
    return this.outbox.publish(manager, {
      type: NOTIFICATION_REQUESTED,
      aggregateId: accountId ?? 'phone',
      payload,
      idempotencyKey: request.idempotencyKey ? `notification:${request.idempotencyKey}` : undefined,
    });
  }

  /**
   * The same in-app message to each of several accounts (the members of an employer): one
   * message per account, each sent once for `idempotencyKey`.
   */
  async sendToAccounts(
    manager: EntityManager,
    accountIds: readonly string[],
    request: { template: string; params: TemplateParams; idempotencyKey: string },
  ): Promise<void> {
    for (const accountId of new Set(accountIds)) {
      await this.send(manager, {
        to: { accountId },
        channel: NotificationChannel.IN_APP,
        template: request.template,
        params: request.params,
        idempotencyKey: `${request.idempotencyKey}:${accountId}`,
      });
    }
  }

  /** Messages delivered to the actor's own account, newest first. */
  async mine(actor: Actor, first: number | undefined, after: string | undefined, filter: NotificationFilter): Promise<ConnectionShape<NotificationObject>> {
    return this.page(first, after, { ...filter, accountId: actor.accountId });
  }

  /** Every recent message, newest first (ADMIN). */
  async recent(first: number | undefined, after: string | undefined, filter: NotificationFilter): Promise<ConnectionShape<NotificationObject>> {
    return this.page(first, after, filter);
  }

  /** Marks one of the actor's own messages read; someone else's is NOT_FOUND, as if it did not exist. */
  async markRead(actor: Actor, id: string): Promise<NotificationObject> {
    const repository = this.dataSource.getRepository(NotificationMessage);
    await repository
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'coalesce(read_at, now())' })
      .where('id = :id AND account_id = :accountId', { id, accountId: actor.accountId })
      .execute();
    const message = await repository.findOneBy({ id, accountId: actor.accountId });
    if (!message) {
      throw new NotificationsException(NotificationsExceptionCode.NOTIFICATION_NOT_FOUND, '没有这条通知，或它不是发给您的', { field: 'input.id' });
    }
    return this.toObject(message);
  }

  /**
   * Marks every unread message of the actor's own read in one statement: the console's
   * "全部标为已读" covers the pages not loaded yet, without a request per message.
   */
  async markAllRead(actor: Actor): Promise<number> {
    const result = await this.dataSource
      .getRepository(NotificationMessage)
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'now()' })
      .where('account_id = :accountId AND read_at IS NULL', { accountId: actor.accountId })
      .execute();
    return result.affected ?? 0;
  }

  private async page(
    first: number | undefined,
    after: string | undefined,
    filter: NotificationFilter & { accountId?: string },
  ): Promise<ConnectionShape<NotificationObject>> {
    const qb = this.dataSource.getRepository(NotificationMessage).createQueryBuilder('m');
    if (filter.accountId) qb.andWhere('m.account_id = :accountId', { accountId: filter.accountId });
    if (filter.channel) qb.andWhere('m.channel = :channel', { channel: filter.channel });
    if (filter.templateKey) qb.andWhere('m.template_key = :templateKey', { templateKey: filter.templateKey });
    if (filter.unread) qb.andWhere('m.read_at IS NULL');
    const newestFirst: KeysetOrder = {
      keys: [
        { column: 'm.delivered_at', type: 'timestamptz' },
        { column: 'm.id', type: 'uuid' },
      ],
      direction: 'DESC',
    };
    return keysetConnection(qb, { first, after }, newestFirst, (m) => this.toObject(m));
  }

  private toObject(message: NotificationMessage): NotificationObject {
    return {
      id: message.id,
      channel: message.channel,
      templateKey: message.templateKey,
      title: message.title,
      body: message.body,
      accountId: message.accountId,
      phone: message.phoneEncrypted ? maskPhone(this.cipher.decrypt(message.phoneEncrypted)) : null,
      deliveredAt: message.deliveredAt,
      readAt: message.readAt,
    };
  }

  /** The outbox handler: renders and hands the message to the configured adapter. */
  private async deliver(event: OutboxEvent<NotificationRequested>, manager: EntityManager): Promise<void> {
    const request = event.payload;
    let phone = request.phoneEncrypted ? this.cipher.decrypt(request.phoneEncrypted) : null;
    if (!phone && request.channel === NotificationChannel.SMS && request.accountId) {
      const account = await manager.findOneBy(Account, { id: request.accountId });
      if (!account) throw new Error(`Account ${request.accountId} no longer exists`);
      phone = this.cipher.decrypt(account.phoneEncrypted);
    }
    const params = JSON.parse(this.cipher.decrypt(request.paramsEncrypted)) as TemplateParams;
    const { title, body } = this.templates.render(request.template, params);
    await this.port.deliver(
      {
        eventId: event.id,
        channel: request.channel,
        accountId: request.accountId,
        phone,
        templateKey: request.template,
        params,
        title,
        body,
        requestedAt: event.createdAt,
      },
      manager,
    );
  }
}
