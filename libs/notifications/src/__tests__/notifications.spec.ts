import { Role } from '@jobcode/common';
import { inTransaction } from '@jobcode/database';
import { OutboxService } from '@jobcode/outbox';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { NotificationChannel } from '../notification-channel';
import { NotificationTemplates } from '../notification-templates';
import { NotificationPort } from '../notification.port';
import { type NotificationRequest, NotificationsService } from '../notifications.service';

const MY_NOTIFICATIONS = `query($first: Int, $after: String, $channel: NotificationChannel) {
  myNotifications(first: $first, after: $after, channel: $channel) {
    totalCount
    edges { cursor node { id channel templateKey title body phone accountId readAt deliveredAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface NotificationNode {
  id: string;
  channel: string;
  templateKey: string;
  title: string;
  body: string;
  phone: string | null;
  accountId: string | null;
  readAt: string | null;
}
interface Page {
  totalCount: number;
  edges: { cursor: string; node: NotificationNode }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('notifications', () => {
  let api: TestApp;
  let notifications: NotificationsService;
  let outbox: OutboxService;

  beforeAll(async () => {
    api = await startTestApp({ OUTBOX_DISPATCHER: 'off', OUTBOX_RETRY_BASE_MS: '1' });
    notifications = api.app.get(NotificationsService);
    outbox = api.app.get(OutboxService);
    api.app
      .get(NotificationTemplates)
      .register({ key: 'test.contract-sent', title: '劳动合同待签署', text: '{employer}向您发送了劳动合同，请在{deadline}前签署。' });
  });
  afterAll(async () => api?.close());

  const send = (request: NotificationRequest) => inTransaction(api.dataSource, (manager) => notifications.send(manager, request));
  const mine = async (token: string, variables: Record<string, unknown> = {}) => {
    const result = await api.gql<{ myNotifications: Page }>(MY_NOTIFICATIONS, variables, token);
    expect(result.errors).toBeUndefined();
    return result.data!.myNotifications;
  };

  it('delivers an in-app message, rendered in Chinese, to its account once the outbox runs, and shows it only to that account', async () => {
    const seeker = await api.signedIn(Role.SEEKER, null, '李梅');
    const other = await api.signedIn(Role.SEEKER, null, '王强');
    await send({
      to: { accountId: seeker.accountId },
      channel: NotificationChannel.IN_APP,
      template: 'test.contract-sent',
      params: { employer: '资源县梅溪镇扶贫车间', deadline: '12月1日' },
    });
    expect((await mine(seeker.token)).edges).toEqual([]);
    const [queued] = (await api.dataSource.query(
      `SELECT payload::text AS payload FROM outbox_event WHERE type = 'notification.requested' ORDER BY created_at DESC LIMIT 1`,
    )) as {
      payload: string;
    }[];
    expect(queued.payload).not.toContain('梅溪镇');

    await outbox.drain();

    const page = await mine(seeker.token);
    expect(page.edges.map((e) => e.node)).toMatchObject([
      {
        channel: 'IN_APP',
        templateKey: 'test.contract-sent',
        title: '劳动合同待签署',
        body: '资源县梅溪镇扶贫车间向您发送了劳动合同，请在12月1日前签署。',
        accountId: seeker.accountId,
        phone: null,
        readAt: null,
      },
    ]);
    expect((await mine(other.token)).edges).toEqual([]);
  });

  it('counts and lists only the unread messages with unread: true, so a badge is right past the first page', async () => {
    const employer = await api.signedIn(Role.EMPLOYER, null, '蒋师傅');
    for (const deadline of ['12月1日', '12月2日', '12月3日']) {
      await send({
        to: { accountId: employer.accountId },
        channel: NotificationChannel.IN_APP,
        template: 'test.contract-sent',
        params: { employer: '资源县金江合作社', deadline },
      });
    }
    await outbox.drain();
    const all = await mine(employer.token, { first: 1 });
    expect(all.totalCount).toBe(3);
    const read = all.edges[0].node.id;
    expect(
      (await api.gql(`mutation($input: MarkNotificationReadInput!) { markNotificationRead(input: $input) { id } }`, { input: { id: read } }, employer.token))
        .errors,
    ).toBeUndefined();
    const unread = await api.gql<{ myNotifications: Page }>(
      `query { myNotifications(unread: true, channel: IN_APP, first: 1) { totalCount edges { node { id readAt } } pageInfo { hasNextPage } } }`,
      {},
      employer.token,
    );
    expect(unread.errors).toBeUndefined();
    expect(unread.data?.myNotifications).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    expect(unread.data?.myNotifications.edges[0].node).toMatchObject({ readAt: null });
    expect(unread.data?.myNotifications.edges[0].node.id).not.toBe(read);
  });

  it('marks all of an account’s unread messages read at once, past the first page, and nobody else’s', async () => {
    const employer = await api.signedIn(Role.EMPLOYER, null, '韦会计');
    const other = await api.signedIn(Role.EMPLOYER, null, '秦会计');
    for (const to of [employer, employer, employer, other]) {
      await send({
        to: { accountId: to.accountId },
        channel: NotificationChannel.IN_APP,
        template: 'platform.notice',
        params: { title: '招聘会通知', text: '12月10日资源县人社局招聘会，请按时到场。' },
      });
    }
    await outbox.drain();
    const first = (await mine(employer.token, { first: 1 })).edges[0].node.id;
    await api.gql(`mutation($input: MarkNotificationReadInput!) { markNotificationRead(input: $input) { id } }`, { input: { id: first } }, employer.token);

    const readAll = `mutation { markAllNotificationsRead { marked } }`;
    const marked = await api.gql<{ markAllNotificationsRead: { marked: number } }>(readAll, {}, employer.token);
    expect(marked.errors).toBeUndefined();
    expect(marked.data?.markAllNotificationsRead.marked).toBe(2);
    expect((await mine(employer.token)).edges.map((e) => e.node.readAt)).toEqual([expect.any(String), expect.any(String), expect.any(String)]);
    expect((await mine(other.token)).edges.map((e) => e.node.readAt)).toEqual([null]);
    expect((await api.gql<{ markAllNotificationsRead: { marked: number } }>(readAll, {}, employer.token)).data?.markAllNotificationsRead.marked).toBe(0);
    expect((await api.gql(readAll, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('sends nothing when the transaction that asked for the message rolls back', async () => {
    const seeker = await api.signedIn(Role.SEEKER);
    await expect(
      inTransaction(api.dataSource, async (manager) => {
        await notifications.send(manager, {
          to: { accountId: seeker.accountId },
          channel: NotificationChannel.IN_APP,
          template: 'account.welcome',
          params: { name: '赵六', county: '资源县' },
        });
        throw new Error('registration failed');
      }),
    ).rejects.toThrow('registration failed');
    await outbox.drain();
    expect((await mine(seeker.token)).edges).toEqual([]);
  });

  it('retries a send the adapter failed, and records the message once', async () => {
    const seeker = await api.signedIn(Role.SEEKER);
    const port = api.app.get(NotificationPort);
    const failOnce = jest.spyOn(port, 'deliver').mockRejectedValueOnce(new Error('SMS gateway unreachable'));
    try {
      const eventId = await send({
        to: { accountId: seeker.accountId },
        channel: NotificationChannel.SMS,
        template: 'account.welcome',
        params: { name: '赵六', county: '资源县' },
      });
      await outbox.drain();
      expect(failOnce).toHaveBeenCalledTimes(2);
      expect(await api.dataSource.query(`SELECT status, attempts FROM outbox_delivery WHERE event_id = $1`, [eventId])).toEqual([
        { status: 'DONE', attempts: 2 },
      ]);
    } finally {
      failOnce.mockRestore();
    }
    const page = await mine(seeker.token, { channel: 'SMS' });
    expect(page.edges).toHaveLength(1);
    // The SMS went to the account's own phone, looked up at delivery and shown masked.
    expect(page.edges[0].node).toMatchObject({
      channel: 'SMS',
      body: '赵六，您好！欢迎使用资源县就业服务码平台。扫一扫岗位码即可查看岗位、在线报名。',
      phone: `${seeker.phone.slice(0, 3)}****${seeker.phone.slice(-4)}`,
    });
    const [stored] = (await api.dataSource.query(`SELECT phone_encrypted FROM notification_message WHERE id = $1`, [page.edges[0].node.id])) as {
      phone_encrypted: string;
    }[];
    expect(stored.phone_encrypted).not.toContain(seeker.phone);
  });

  it('sends one message for two requests with the same idempotency key', async () => {
    const seeker = await api.signedIn(Role.SEEKER);
    const request = {
      to: { accountId: seeker.accountId },
      channel: NotificationChannel.IN_APP,
      template: 'platform.notice',
      params: { title: '招聘会通知', text: '12月5日中峰镇招聘会，40家企业参加。' },
      idempotencyKey: `fair-5:${seeker.accountId}`,
    };
    expect(await send(request)).toBe(await send(request));
    await outbox.drain();
    expect((await mine(seeker.token)).edges.map((e) => e.node.title)).toEqual(['招聘会通知']);
  });

  it('refuses a request it could not deliver, saying what is wrong', async () => {
    const seeker = await api.signedIn(Role.SEEKER);
    const to = { accountId: seeker.accountId };
    await expect(send({ to, channel: NotificationChannel.IN_APP, template: 'no.such-template' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('没有名为“no.such-template”的通知模板'),
    });
    await expect(send({ to, channel: NotificationChannel.IN_APP, template: 'test.contract-sent', params: { employer: '某公司' } })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: '通知模板“test.contract-sent”缺少参数：deadline',
    });
    await expect(
      send({ to, channel: NotificationChannel.IN_APP, template: 'account.welcome', params: { name: '甲', county: '资源县', nmae: 'x' } }),
    ).rejects.toMatchObject({
      message: expect.stringContaining('不使用参数：nmae'),
    });
    await expect(send({ to: {}, channel: NotificationChannel.SMS, template: 'platform.notice', params: { title: 'a', text: 'b' } })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: '请指定通知的收件人：账号或手机号',
    });
    await expect(
      send({ to: { phone: '13800138000' }, channel: NotificationChannel.IN_APP, template: 'platform.notice', params: { title: 'a', text: 'b' } }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('请指定 to.accountId'),
    });
    await expect(
      send({ to: { phone: '1380013' }, channel: NotificationChannel.SMS, template: 'platform.notice', params: { title: 'a', text: 'b' } }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('手机号应为 11 位'),
    });
    await expect(
      send({
        to: { accountId: '00000000-0000-4000-8000-000000000000' },
        channel: NotificationChannel.IN_APP,
        template: 'platform.notice',
        params: { title: 'a', text: 'b' },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: '收件账号不存在，请确认账号编号' });
  });

  it('pages through an account’s messages, newest first', async () => {
    const seeker = await api.signedIn(Role.SEEKER);
    for (const title of ['第一条', '第二条', '第三条']) {
      await send({
        to: { accountId: seeker.accountId },
        channel: NotificationChannel.IN_APP,
        template: 'platform.notice',
        params: { title, text: `${title}内容` },
      });
      await outbox.drain();
    }
    const first = await mine(seeker.token, { first: 2 });
    expect(first.edges.map((e) => e.node.title)).toEqual(['第三条', '第二条']);
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await mine(seeker.token, { first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node.title)).toEqual(['第一条']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const tooMany = await api.gql(MY_NOTIFICATIONS, { first: 0 }, seeker.token);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badCursor = await api.gql(MY_NOTIFICATIONS, { after: 'bm90LWEtY3Vyc29y' }, seeker.token);
    expect(badCursor.errors?.[0]).toMatchObject({ message: '分页参数 after 无效，请从第一页重新开始', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('lets an account mark its own message read, and not anyone else’s', async () => {
    const seeker = await api.signedIn(Role.SEEKER);
    const employer = await api.signedIn(Role.EMPLOYER);
    await send({
      to: { accountId: seeker.accountId },
      channel: NotificationChannel.IN_APP,
      template: 'platform.notice',
      params: { title: '面试通知', text: '请于明天上午到梅溪镇车间面试。' },
    });
    await outbox.drain();
    const [{ node }] = (await mine(seeker.token)).edges;
    const mark = `mutation($input: MarkNotificationReadInput!) { markNotificationRead(input: $input) { id readAt } }`;

    const refused = await api.gql(mark, { input: { id: node.id } }, employer.token);
    expect(refused.errors?.[0]).toMatchObject({ message: '没有这条通知，或它不是发给您的', extensions: { code: 'NOT_FOUND' } });
    expect((await mine(seeker.token)).edges[0].node.readAt).toBeNull();

    const marked = await api.gql<{ markNotificationRead: { id: string; readAt: string } }>(mark, { input: { id: node.id } }, seeker.token);
    expect(marked.data?.markNotificationRead.readAt).toEqual(expect.any(String));
    const bad = await api.gql(mark, { input: { id: 'abc' } }, seeker.token);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('shows an ADMIN recent messages of every account and channel with phones masked, and nobody else', async () => {
    const admin = await api.signedIn(Role.ADMIN);
    const staff = await api.signedIn(Role.STAFF, '450329');
    await send({
      to: { phone: '13912345678' },
      channel: NotificationChannel.SMS,
      template: 'platform.notice',
      params: { title: '岗位推荐', text: '中峰镇有3个新岗位适合您。' },
    });
    await outbox.drain();
    const query = `query($templateKey: String, $channel: NotificationChannel) { recentNotifications(first: 5, templateKey: $templateKey, channel: $channel) { edges { node { channel phone accountId body } } } }`;
    const result = await api.gql<{ recentNotifications: { edges: { node: NotificationNode }[] } }>(
      query,
      { channel: 'SMS', templateKey: 'platform.notice' },
      admin.token,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.recentNotifications.edges[0].node).toEqual({
      channel: 'SMS',
      phone: '139****5678',
      accountId: null,
      body: '中峰镇有3个新岗位适合您。',
    });
    const refused = await api.gql(query, {}, staff.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await api.gql(MY_NOTIFICATIONS, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
