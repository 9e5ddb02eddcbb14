import { Injectable } from '@nestjs/common';

import { NotificationsException, NotificationsExceptionCode } from './notifications.exception';

export interface NotificationTemplate {
  /** Stable key, dotted: `contract.sent`. */
  key: string;
  /** A short Chinese title (in-app list, WeChat template first line). */
  title: string;
  /** The Chinese text with `{param}` placeholders, e.g. `{employer}向您发送了劳动合同，请在{deadline}前签署。` */
  text: string;
}

export type TemplateParams = Record<string, string | number>;

export interface RenderedText {
  title: string;
  body: string;
}

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9_]*)\}/g;

/** Built in: what the platform itself sends. Features register their own in onModuleInit. */
export const BUILT_IN_TEMPLATES: NotificationTemplate[] = [
  { key: 'account.welcome', title: '欢迎使用就业服务码', text: '{name}，您好！欢迎使用{county}就业服务码平台。扫一扫岗位码即可查看岗位、在线报名。' },
  { key: 'platform.notice', title: '{title}', text: '{text}' },
];

/**
 * The message templates by key. Rendering is strict: every placeholder needs a
 * parameter and every parameter a placeholder, so a typo fails at the caller, not in
 * a message a person receives.
 */
@Injectable()
export class NotificationTemplates {
  private readonly templates = new Map<string, NotificationTemplate>();

  constructor() {
    for (const template of BUILT_IN_TEMPLATES) this.register(template);
  }

  /** Adds a template; refuses a key that is already taken. */
  register(template: NotificationTemplate): void {
    if (!/^[a-z][a-z0-9_.-]{0,99}$/.test(template.key)) throw new Error(`Template key "${template.key}" must be lower-case, dotted, ≤ 100 characters`);
    if (this.templates.has(template.key)) throw new Error(`Notification template "${template.key}" is already registered`);
    this.templates.set(template.key, template);
  }

  /** Renders the title and text; BAD_USER_INPUT naming the template or parameter that is wrong. */
  render(key: string, params: TemplateParams = {}): RenderedText {
    const template = this.templates.get(key);
    if (!template) {
      throw new NotificationsException(
        NotificationsExceptionCode.UNKNOWN_TEMPLATE,
        `没有名为“${key}”的通知模板；可用的模板：${[...this.templates.keys()].join('、')}`,
        { field: 'template' },
      );
    }
    const wanted = new Set([...`${template.title}${template.text}`.matchAll(PLACEHOLDER)].map((m) => m[1]));
    const missing = [...wanted].filter((name) => params[name] === undefined || params[name] === null || String(params[name]).trim() === '');
    if (missing.length) {
      throw new NotificationsException(NotificationsExceptionCode.TEMPLATE_PARAMS, `通知模板“${key}”缺少参数：${missing.join('、')}`, { field: 'params' });
    }
    const unknown = Object.keys(params).filter((name) => !wanted.has(name));
    if (unknown.length) {
      throw new NotificationsException(
        NotificationsExceptionCode.TEMPLATE_PARAMS,
        `通知模板“${key}”不使用参数：${unknown.join('、')}；它需要：${[...wanted].join('、') || '（无参数）'}`,
        { field: 'params' },
      );
    }
    const fill = (text: string) => text.replace(PLACEHOLDER, (_m, name: string) => String(params[name]).trim());
    return { title: fill(template.title), body: fill(template.text) };
  }
}
