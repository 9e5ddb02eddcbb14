import { createHash, createHmac } from 'node:crypto';
import dns from 'node:dns';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { Logger } from '@nestjs/common';

import { AccountsModule } from '@jobcode/accounts';
import { AuditModule } from '@jobcode/audit';
import { ConfigError, Role } from '@jobcode/common';
import { inTransaction } from '@jobcode/database';
import { OutboxModule, OutboxService } from '@jobcode/outbox';
import { PersonalDataModule } from '@jobcode/personal-data';
import { RateLimitModule } from '@jobcode/rate-limit';
import { RegionsModule } from '@jobcode/regions';

import { loadAppConfig } from '../../../../apps/api/src/bootstrap/config';
import { account } from '../../../../test/builders/account.builder';
import { startTestModule, type TestModule } from '../../../../test/support/test-module';
import { NotificationChannel } from '../notification-channel';
import { NotificationsModule } from '../notifications.module';
import { type NotificationRequest, NotificationsService } from '../notifications.service';

/** A stand-in for sms.tencentcloudapi.com: records each request, answers from a queue (default: sent). */
interface RecordedRequest {
  headers: IncomingHttpHeaders;
  raw: string;
  body: Record<string, unknown>;
}
type Answer = { status: number; json?: unknown };

const SECRET_ID = 'AKIDtest0123456789';
const SECRET_KEY = 'test-secret-key-0123456789';
const HOST = 'sms.localhost';

function sent(serialNo: string): Answer {
  return {
    status: 200,
    json: {
      Response: { SendStatusSet: [{ SerialNo: serialNo, PhoneNumber: '+86', Fee: 1, Code: 'Ok', Message: 'send success' }], RequestId: `req-${serialNo}` },
    },
  };
}
function statusCode(code: string): Answer {
  return { status: 200, json: { Response: { SendStatusSet: [{ SerialNo: '', Code: code, Message: `${code} for +8613900000000` }], RequestId: 'req-status' } } };
}
function apiError(code: string): Answer {
  return { status: 200, json: { Response: { Error: { Code: code, Message: `${code} message` }, RequestId: 'req-error' } } };
}

/** Recomputes the TC3-HMAC-SHA256 signature of a request, independently of the SDK. */
function expectedSignature(request: RecordedRequest): string {
  const timestamp = Number(request.headers['x-tc-timestamp']);
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const hash = (text: string) => createHash('sha256').update(text).digest('hex');
  const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest();
  const canonical = ['POST', '/', '', `content-type:${request.headers['content-type']}`, `host:${HOST}`, '', 'content-type;host', hash(request.raw)].join('\n');
  const toSign = ['TC3-HMAC-SHA256', String(timestamp), `${date}/sms/tc3_request`, hash(canonical)].join('\n');
  const key = hmac(hmac(hmac(`TC3${SECRET_KEY}`, date), 'sms'), 'tc3_request');
  return createHmac('sha256', key).update(toSign).digest('hex');
}

describe('Tencent Cloud SMS adapter (NOTIFICATIONS=tencent-sms)', () => {
  let api: TestModule;
  let server: Server;
  let notifications: NotificationsService;
  let outbox: OutboxService;
  const requests: RecordedRequest[] = [];
  const answers: Answer[] = [];
  let serial = 0;
  const realLookup = dns.lookup;

  let env: Record<string, string>;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        requests.push({ headers: req.headers, raw, body: JSON.parse(raw) as Record<string, unknown> });
        serial += 1;
        const answer = answers.shift() ?? sent(`2640:${String(serial).padStart(6, '0')}`);
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(answer.json === undefined ? '' : JSON.stringify(answer.json));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // The SDK signs with the endpoint's first label as the service name, so the stand-in needs a
    // host starting with "sms."; resolve it to the local server for this test process only.
    (dns as { lookup: unknown }).lookup = (hostname: string, ...rest: unknown[]) =>
      (realLookup as (...args: unknown[]) => void)(hostname === HOST ? '127.0.0.1' : hostname, ...rest);

    env = {
      OUTBOX_DISPATCHER: 'off',
      OUTBOX_RETRY_BASE_MS: '1',
      NOTIFICATIONS: 'tencent-sms',
      TENCENT_SMS_SECRET_ID: SECRET_ID,
      TENCENT_SMS_SECRET_KEY: SECRET_KEY,
      TENCENT_SMS_SDK_APP_ID: '1400006666',
      TENCENT_SMS_SIGN_NAME: '资源县人社局',
      // Tencent parameters are positional: county first, then name, unlike our template's order.
      TENCENT_SMS_TEMPLATES: JSON.stringify({ 'account.welcome': { id: '1234567', params: ['county', 'name'] } }),
      TENCENT_SMS_ENDPOINT: `http://${HOST}:${(server.address() as AddressInfo).port}`,
    };
    // The adapter, the outbox that drives it, and the accounts messages go to (with what accounts need): no HTTP server, no GraphQL.
    api = await startTestModule([NotificationsModule, OutboxModule, PersonalDataModule, AccountsModule, AuditModule, RateLimitModule, RegionsModule], { env });
    notifications = api.app.get(NotificationsService);
    outbox = api.app.get(OutboxService);
  });

  afterAll(async () => {
    (dns as { lookup: unknown }).lookup = realLookup;
    await api?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  beforeEach(() => {
    requests.length = 0;
    answers.length = 0;
  });

  const send = (request: NotificationRequest) => inTransaction(api.dataSource, (manager) => notifications.send(manager, request));
  const welcome = (phone: string, name = '赵六'): NotificationRequest => ({
    to: { phone },
    channel: NotificationChannel.SMS,
    template: 'account.welcome',
    params: { name, county: '资源县' },
  });
  const row = async (eventId: string) => {
    const [found] = (await api.dataSource.query(
      `SELECT adapter, channel, provider_status, provider_code, provider_message_id, sent_at, phone_encrypted FROM notification_message WHERE event_id = $1`,
      [eventId],
    )) as Record<string, unknown>[];
    return found;
  };
  const delivery = async (eventId: string) =>
    (await api.dataSource.query(`SELECT status, attempts FROM outbox_delivery WHERE event_id = $1`, [eventId])) as { status: string; attempts: number }[];

  it('sends an SMS with SendSms, signed with the key, parameters in the mapped order, and records its SerialNo', async () => {
    const eventId = await send(welcome('13912340001'));
    expect(requests).toHaveLength(0);
    await outbox.drain();

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request.headers['x-tc-action']).toBe('SendSms');
    expect(request.headers['x-tc-version']).toBe('2021-01-11');
    expect(request.headers['x-tc-region']).toBe('ap-guangzhou');
    const date = new Date(Number(request.headers['x-tc-timestamp']) * 1000).toISOString().slice(0, 10);
    expect(request.headers.authorization).toBe(
      `TC3-HMAC-SHA256 Credential=${SECRET_ID}/${date}/sms/tc3_request, SignedHeaders=content-type;host, Signature=${expectedSignature(request)}`,
    );
    expect(request.body).toEqual({
      PhoneNumberSet: ['+8613912340001'],
      SmsSdkAppId: '1400006666',
      SignName: '资源县人社局',
      TemplateId: '1234567',
      TemplateParamSet: ['资源县', '赵六'],
      SessionContext: eventId,
    });

    expect(await row(eventId)).toMatchObject({
      adapter: 'tencent-sms',
      channel: 'SMS',
      provider_status: 'SENT',
      provider_code: null,
      provider_message_id: '2640:000001',
      sent_at: expect.any(Date),
    });
    expect((await row(eventId)).phone_encrypted).not.toContain('13912340001');
    expect(await delivery(eventId)).toEqual([{ status: 'DONE', attempts: 1 }]);
  });

  it('sends nothing when the outbox delivers an event that was already sent again', async () => {
    const eventId = await send(welcome('13912340002'));
    await outbox.drain();
    expect(requests).toHaveLength(1);

    // At-least-once: the same event comes round again (a redrive, or a second worker).
    await api.dataSource.query(`UPDATE outbox_delivery SET status = 'PENDING', available_at = now() WHERE event_id = $1`, [eventId]);
    await outbox.drain();

    expect(requests).toHaveLength(1);
    expect(await delivery(eventId)).toEqual([{ status: 'DONE', attempts: 2 }]);
    expect(await row(eventId)).toMatchObject({ provider_status: 'SENT' });
    expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM notification_message WHERE event_id = $1`, [eventId])).toEqual([{ n: 1 }]);
  });

  it('retries a temporary failure (HTTP 502, a rate limit, a provider timeout) and sends once it passes', async () => {
    answers.push({ status: 502 }, statusCode('LimitExceeded.PhoneNumberThirtySecondLimit'), apiError('InternalError.Timeout'));
    const eventId = await send(welcome('13912340003'));
    await outbox.drain();

    expect(requests).toHaveLength(4);
    expect(new Set(requests.map((r) => r.raw)).size).toBe(1);
    expect(await delivery(eventId)).toEqual([{ status: 'DONE', attempts: 4 }]);
    expect(await row(eventId)).toMatchObject({ provider_status: 'SENT', provider_message_id: expect.stringMatching(/^2640:/) });
    expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM notification_message WHERE event_id = $1`, [eventId])).toEqual([{ n: 1 }]);
  });

  it('records a permanent refusal as FAILED with its code and does not retry it', async () => {
    answers.push(statusCode('InvalidParameterValue.IncorrectPhoneNumber'), apiError('FailedOperation.TemplateIncorrectOrUnapproved'));
    const badNumber = await send(welcome('13912340004'));
    await outbox.drain();
    const badTemplate = await send(welcome('13912340005'));
    await outbox.drain();

    expect(requests).toHaveLength(2);
    expect(await row(badNumber)).toMatchObject({
      provider_status: 'FAILED',
      provider_code: 'InvalidParameterValue.IncorrectPhoneNumber',
      provider_message_id: null,
      sent_at: null,
    });
    expect(await row(badTemplate)).toMatchObject({ provider_status: 'FAILED', provider_code: 'FailedOperation.TemplateIncorrectOrUnapproved' });
    expect(await delivery(badNumber)).toEqual([{ status: 'DONE', attempts: 1 }]);
    expect(await delivery(badTemplate)).toEqual([{ status: 'DONE', attempts: 1 }]);
  });

  it('records an SMS whose template has no Tencent mapping without sending it, warning once per template', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      const notice = { channel: NotificationChannel.SMS, template: 'platform.notice', params: { title: '招聘会', text: '12月5日中峰镇招聘会。' } };
      const first = await send({ ...notice, to: { phone: '13912340006' } });
      const second = await send({ ...notice, to: { phone: '13912340007' } });
      await outbox.drain();

      expect(requests).toHaveLength(0);
      for (const eventId of [first, second]) {
        expect(await row(eventId)).toMatchObject({ provider_status: 'NOT_SENT', provider_code: 'NO_TEMPLATE_MAPPING' });
        expect(await delivery(eventId)).toEqual([{ status: 'DONE', attempts: 1 }]);
      }
      const warnings = warn.mock.calls.filter(([text]) => String(text).includes('"platform.notice" has no entry in TENCENT_SMS_TEMPLATES'));
      expect(warnings).toHaveLength(1);
      expect(warn.mock.calls.flat().join('\n')).not.toContain('13912340006');
    } finally {
      warn.mockRestore();
    }
  });

  it('keeps the in-app inbox: in-app, WeChat and SMS messages of an account are listed, and only the SMS is sent', async () => {
    const seeker = await account(api.app, Role.SEEKER, null, '李梅');
    const to = { accountId: seeker.accountId };
    await send({ to, channel: NotificationChannel.IN_APP, template: 'platform.notice', params: { title: '报名成功', text: '您已报名梅溪镇扶贫车间。' } });
    await send({ to, channel: NotificationChannel.WECHAT_TEMPLATE, template: 'platform.notice', params: { title: '面试提醒', text: '明天上午9点面试。' } });
    await send({ to, channel: NotificationChannel.SMS, template: 'account.welcome', params: { name: '李梅', county: '资源县' } });
    await outbox.drain();

    expect(requests).toHaveLength(1);
    expect(requests[0].body).toMatchObject({ PhoneNumberSet: [`+86${seeker.phone}`], TemplateParamSet: ['资源县', '李梅'] });
    // What myNotifications lists for the account (its resolver passes straight through to this).
    const inbox = await notifications.mine({ accountId: seeker.accountId, role: Role.SEEKER, regionCode: null, sessionId: 'inbox' }, undefined, undefined, {});
    expect(inbox.edges.map(({ node: { channel, title, phone } }) => ({ channel, title, phone }))).toEqual(
      expect.arrayContaining([
        { channel: 'IN_APP', title: '报名成功', phone: null },
        { channel: 'WECHAT_TEMPLATE', title: '面试提醒', phone: null },
        { channel: 'SMS', title: '欢迎使用就业服务码', phone: `${seeker.phone.slice(0, 3)}****${seeker.phone.slice(-4)}` },
      ]),
    );
    expect(inbox.edges).toHaveLength(3);
  });

  it('does not boot without a required setting, naming it', () => {
    for (const key of ['TENCENT_SMS_SECRET_ID', 'TENCENT_SMS_SIGN_NAME', 'TENCENT_SMS_TEMPLATES']) {
      const partial: Record<string, string> = { ...env, NODE_ENV: 'test' };
      delete partial[key];
      expect(() => loadAppConfig(partial)).toThrow(ConfigError);
      expect(() => loadAppConfig(partial)).toThrow(`${key} is required when NOTIFICATIONS=tencent-sms`);
    }
  });
});
