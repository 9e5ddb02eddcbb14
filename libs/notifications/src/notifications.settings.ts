import { IsIn, IsString, Matches } from 'class-validator';

import { type AppConfig, type FeatureSettings, OptionalSetting } from '@jobcode/common';

import {
  parseTencentSmsEndpoint,
  parseTencentSmsTemplates,
  TENCENT_SMS_REQUIRED,
  type TencentSmsEndpoint,
  type TencentSmsTemplate,
} from './adapters/tencent-sms/tencent-sms.settings';

export const NOTIFICATION_ADAPTERS = ['dev', 'tencent-sms'] as const;
export type NotificationAdapterName = (typeof NOTIFICATION_ADAPTERS)[number];

/**
 * The notification settings: which adapter delivers, and the Tencent Cloud SMS account it uses
 * when that is `tencent-sms`. Checked with the rest of the settings at boot (loadConfig); a wrong
 * or missing one stops the service, naming it.
 */
export class NotificationsSettings implements FeatureSettings {
  /**
   * Which adapter delivers notifications. `dev` records every message in notification_message;
   * `tencent-sms` records them the same way and also sends the SMS ones through Tencent Cloud SMS
   * (the TENCENT_SMS_* settings are then required). WeChat template messages are recorded only.
   */
  @IsIn(NOTIFICATION_ADAPTERS, { message: `must be one of ${NOTIFICATION_ADAPTERS.join(', ')}` })
  NOTIFICATIONS: NotificationAdapterName = 'dev';

  /** Tencent Cloud API key pair (CAM, SecretId / SecretKey) allowed to call sms:SendSms. */
  @OptionalSetting()
  @IsString()
  TENCENT_SMS_SECRET_ID?: string;

  @OptionalSetting()
  @IsString()
  TENCENT_SMS_SECRET_KEY?: string;

  /** The SMS application's SdkAppId from the SMS console, e.g. 1400006666. */
  @OptionalSetting()
  @Matches(/^\d{6,20}$/, { message: 'must be the SdkAppId from the SMS console, digits only, such as 1400006666' })
  TENCENT_SMS_SDK_APP_ID?: string;

  /** The approved sender name (短信签名), without the brackets, e.g. 资源县人社局. */
  @OptionalSetting()
  @IsString()
  TENCENT_SMS_SIGN_NAME?: string;

  @Matches(/^[a-z]{2,4}-[a-z]+(-\d+)?$/, { message: 'must be a Tencent Cloud region such as ap-guangzhou, ap-beijing or ap-nanjing' })
  TENCENT_SMS_REGION = 'ap-guangzhou';

  /**
   * JSON: our template key → the approved Tencent template id and the order of its positional
   * parameters, e.g. {"account.welcome":{"id":"1234567","params":["name","county"]}}.
   */
  @OptionalSetting()
  @IsString()
  TENCENT_SMS_TEMPLATES?: string;

  /**
   * Another API host, e.g. sms.internal.tencentcloudapi.com inside Tencent Cloud; a full
   * http:// URL is accepted outside production (tests). Default sms.tencentcloudapi.com.
   */
  @OptionalSetting()
  @IsString()
  TENCENT_SMS_ENDPOINT?: string;

  /** TENCENT_SMS_TEMPLATES parsed (checked at boot); empty when unset. */
  get tencentSmsTemplates(): Map<string, TencentSmsTemplate> {
    return parseTencentSmsTemplates(this.TENCENT_SMS_TEMPLATES).templates;
  }

  /** TENCENT_SMS_ENDPOINT parsed (checked at boot). */
  get tencentSmsEndpoint(): TencentSmsEndpoint {
    return parseTencentSmsEndpoint(this.TENCENT_SMS_ENDPOINT).endpoint;
  }

  /** With NOTIFICATIONS=tencent-sms every TENCENT_SMS_* setting but the endpoint is required, and each must parse. */
  problems(config: AppConfig): string[] {
    const problems: string[] = [];
    const { problems: endpointProblems } = parseTencentSmsEndpoint(this.TENCENT_SMS_ENDPOINT, config.isProduction);
    const { problems: templateProblems } = parseTencentSmsTemplates(this.TENCENT_SMS_TEMPLATES);
    if (this.NOTIFICATIONS !== 'tencent-sms') return [...endpointProblems, ...templateProblems];
    for (const key of TENCENT_SMS_REQUIRED) {
      if (!this[key]) problems.push(`${key} is required when NOTIFICATIONS=tencent-sms`);
    }
    return [...problems, ...endpointProblems, ...templateProblems];
  }
}
