import { Logger } from '@nestjs/common';
import { sms } from 'tencentcloud-sdk-nodejs-sms';
import { type EntityManager } from 'typeorm';

import { maskPhone } from '@jobcode/common';

import { NotificationChannel } from '../../notification-channel';
import { ProviderStatus } from '../../notification-message.entity';
import { NotificationPort, type OutgoingNotification } from '../../notification.port';
import { NotificationRecorder } from '../notification-recorder';
import { describeTencentError, type SmsFailure, SmsFailureKind, TemporarySmsError } from './tencent-sms-errors';
import { type TencentSmsEndpoint, type TencentSmsTemplate } from './tencent-sms.settings';

const SmsClient = sms.v20210111.Client;

export interface TencentSmsSettings {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  /** 短信签名 */
  signName: string;
  region: string;
  /** Our template key → the approved template id and its positional parameters. */
  templates: Map<string, TencentSmsTemplate>;
  endpoint: TencentSmsEndpoint;
  /** Per request; well inside the outbox lease so a slow call fails this attempt rather than outliving it. */
  timeoutSeconds: number;
}

/** Our reasons for not handing a message over (stored in provider_code). */
export const NO_TEMPLATE_MAPPING = 'NO_TEMPLATE_MAPPING';
export const TEMPLATE_PARAMS_MISMATCH = 'TEMPLATE_PARAMS_MISMATCH';
export const INVALID_PHONE = 'INVALID_PHONE';

/** A mainland number as stored (13812345678) → E.164 (+8613812345678); null when it is not one. */
export function toE164(phone: string): string | null {
  if (/^1[3-9]\d{9}$/.test(phone)) return `+86${phone}`;
  if (/^\+861[3-9]\d{9}$/.test(phone)) return phone;
  return null;
}

/**
 * Records every message like the dev adapter (the in-app inbox keeps working) and sends the
 * SMS ones through Tencent Cloud SMS (SendSms, API 2021-01-11). WeChat template messages are
 * recorded only: that adapter is not implemented.
 *
 * At-least-once safe: the row of the event is locked and checked before sending, and the
 * provider's SerialNo is written in the same transaction that marks the delivery done, so a
 * redelivery after a committed send sends nothing. Tencent has no idempotency key, so a crash
 * between Tencent accepting the message and that commit can still send it twice.
 */
export class TencentSmsAdapter extends NotificationPort {
  readonly name = 'tencent-sms';
  private readonly logger = new Logger('Notifications');
  private readonly client: InstanceType<typeof SmsClient>;
  private readonly warned = new Set<string>();

  constructor(
    private readonly settings: TencentSmsSettings,
    private readonly recorder: NotificationRecorder,
  ) {
    super();
    this.client = new SmsClient({
      credential: { secretId: settings.secretId, secretKey: settings.secretKey },
      region: settings.region,
      profile: {
        signMethod: 'TC3-HMAC-SHA256',
        httpProfile: {
          endpoint: settings.endpoint.host,
          protocol: settings.endpoint.protocol,
          reqMethod: 'POST',
          reqTimeout: settings.timeoutSeconds,
        },
      },
    });
  }

  async deliver(message: OutgoingNotification, manager: EntityManager): Promise<void> {
    const row = await this.recorder.record(message, this.name, manager);
    const to = `${message.accountId ?? '-'} ${message.phone ? maskPhone(message.phone) : ''}`.trim();
    if (message.channel === NotificationChannel.IN_APP) {
      this.logger.log(`IN_APP ${message.templateKey} to ${to} (in the inbox)`);
      return;
    }
    if (message.channel === NotificationChannel.WECHAT_TEMPLATE) {
      this.logger.log(`WECHAT_TEMPLATE ${message.templateKey} to ${to} (recorded, not sent: WeChat template messages are not implemented)`);
      return;
    }
    if (row.providerStatus) {
      this.logger.log(`SMS ${message.templateKey} to ${to}: event ${message.eventId} was already handled (${row.providerStatus}), not sending again`);
      return;
    }
    const phone = message.phone ? toE164(message.phone) : null;
    if (!phone) {
      this.logger.warn(`SMS ${message.templateKey} event ${message.eventId}: no mainland mobile number, not sent`);
      await this.recorder.markOutcome(row.id, { status: ProviderStatus.FAILED, code: INVALID_PHONE }, manager);
      return;
    }
    const template = this.settings.templates.get(message.templateKey);
    if (!template) {
      this.warnOnce(
        `no-mapping:${message.templateKey}`,
        `SMS template "${message.templateKey}" has no entry in TENCENT_SMS_TEMPLATES: such messages are recorded, not sent`,
      );
      await this.recorder.markOutcome(row.id, { status: ProviderStatus.NOT_SENT, code: NO_TEMPLATE_MAPPING }, manager);
      return;
    }
    const missing = template.params.filter((name) => message.params[name] === undefined || message.params[name] === null);
    if (missing.length) {
      this.warnOnce(
        `params:${message.templateKey}`,
        `TENCENT_SMS_TEMPLATES["${message.templateKey}"].params names ${missing.join(', ')}, which the template does not have (it has ${Object.keys(message.params).join(', ') || 'none'}): such messages fail`,
      );
      await this.recorder.markOutcome(row.id, { status: ProviderStatus.FAILED, code: TEMPLATE_PARAMS_MISMATCH }, manager);
      return;
    }

    let failure: SmsFailure;
    try {
      const response = await this.client.SendSms({
        PhoneNumberSet: [phone],
        SmsSdkAppId: this.settings.sdkAppId,
        SignName: this.settings.signName,
        TemplateId: template.id,
        TemplateParamSet: template.params.map((name) => String(message.params[name])),
        SessionContext: message.eventId,
      });
      const status = response.SendStatusSet?.[0];
      if (status?.Code === 'Ok') {
        const serialNo = status.SerialNo || response.RequestId || 'unknown';
        await this.recorder.markOutcome(row.id, { status: ProviderStatus.SENT, messageId: serialNo, sentAt: new Date() }, manager);
        this.logger.log(`SMS ${message.templateKey} to ${to} sent (SerialNo ${serialNo})`);
        return;
      }
      failure = describeTencentError({
        code: status?.Code ?? 'NoSendStatus',
        message: status?.Message ?? 'SendSms answered without a SendStatus',
        requestId: response.RequestId,
      });
    } catch (error) {
      failure = describeTencentError(error);
    }
    if (failure.kind === SmsFailureKind.TEMPORARY) throw new TemporarySmsError(failure);
    await this.recorder.markOutcome(row.id, { status: ProviderStatus.FAILED, code: failure.code.slice(0, 100) }, manager);
    this.logger.warn(
      `SMS ${message.templateKey} to ${to} refused for good: ${failure.code} ${failure.detail}${failure.requestId ? ` (RequestId ${failure.requestId})` : ''}`,
    );
  }

  private warnOnce(key: string, text: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.logger.warn(text);
  }
}
