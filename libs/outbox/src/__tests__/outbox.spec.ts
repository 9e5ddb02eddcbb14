import { Role } from '@jobcode/common';
import { inTransaction } from '@jobcode/database';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { OutboxDispatcher } from '../outbox-dispatcher';
import { OutboxService } from '../outbox.service';
import { createReceiptTable, deliveriesOf, receiptHandler, receipts } from './outbox-test-kit';

describe('the transactional outbox', () => {
  let api: TestApp;
  let outbox: OutboxService;
  let dispatcher: OutboxDispatcher;

  beforeAll(async () => {
    api = await startTestApp({ OUTBOX_DISPATCHER: 'off', OUTBOX_MAX_ATTEMPTS: '3', OUTBOX_RETRY_BASE_MS: '60000', OUTBOX_LEASE_SECONDS: '5' });
    outbox = api.app.get(OutboxService);
    dispatcher = api.app.get(OutboxDispatcher);
    await createReceiptTable(api.dataSource);
    outbox.subscribe('job.posted', 'test.index-job', receiptHandler());
    outbox.subscribe('job.posted', 'test.alert-seekers', receiptHandler());
  });
  afterAll(async () => api?.close());

  const publishJobPosted = (aggregateId: string, idempotencyKey?: string) =>
    inTransaction(api.dataSource, (manager) => outbox.publish(manager, { type: 'job.posted', aggregateId, payload: { title: '缝纫工' }, idempotencyKey }));

  it('publishes nothing when the caller’s transaction rolls back', async () => {
    await expect(
      inTransaction(api.dataSource, async (manager) => {
        await outbox.publish(manager, { type: 'job.posted', aggregateId: 'rolled-back', payload: {} });
        throw new Error('the job could not be saved');
      }),
    ).rejects.toThrow('the job could not be saved');

    await outbox.drain();
    expect(await api.dataSource.query(`SELECT id FROM outbox_event WHERE aggregate_id = 'rolled-back'`)).toEqual([]);
    expect(
      await api.dataSource.query(`SELECT d.id FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id WHERE e.aggregate_id = 'rolled-back'`),
    ).toEqual([]);
  });

  it('delivers a committed event once to each handler subscribed to its type, and marks each delivery done', async () => {
    const eventId = await publishJobPosted('job-1');
    expect(await deliveriesOf(api.dataSource, eventId)).toMatchObject([
      { handler: 'test.alert-seekers', status: 'PENDING', attempts: 0 },
      { handler: 'test.index-job', status: 'PENDING', attempts: 0 },
    ]);

    await outbox.drain();
    await outbox.drain();

    expect(await receipts(api.dataSource, 'event_id = $1', [eventId])).toEqual([
      { eventId, handler: 'test.alert-seekers', attempt: 1 },
      { eventId, handler: 'test.index-job', attempt: 1 },
    ]);
    expect(await deliveriesOf(api.dataSource, eventId)).toMatchObject([
      { handler: 'test.alert-seekers', status: 'DONE', attempts: 1, lastError: null },
      { handler: 'test.index-job', status: 'DONE', attempts: 1, lastError: null },
    ]);
  });

  it('writes one event for two publishes with the same idempotency key', async () => {
    const first = await publishJobPosted('job-2', 'job-2:posted');
    const second = await publishJobPosted('job-2', 'job-2:posted');
    expect(second).toBe(first);
    expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE aggregate_id = 'job-2'`)).toEqual([{ n: 1 }]);
    await outbox.drain();
    expect(await receipts(api.dataSource, 'event_id = $1', [first])).toHaveLength(2);
  });

  it('refuses to publish outside a transaction, where the event could outlive a failed change', async () => {
    await expect(outbox.publish(api.dataSource.manager, { type: 'job.posted', aggregateId: 'no-tx', payload: {} })).rejects.toThrow(/open transaction/);
  });

  it('stores events of a type nobody subscribes to without any delivery', async () => {
    const eventId = await inTransaction(api.dataSource, (manager) => outbox.publish(manager, { type: 'nobody.listens', aggregateId: 'x', payload: { a: 1 } }));
    expect(await api.dataSource.query('SELECT type, payload FROM outbox_event WHERE id = $1', [eventId])).toEqual([
      { type: 'nobody.listens', payload: { a: 1 } },
    ]);
    expect(await deliveriesOf(api.dataSource, eventId)).toEqual([]);
  });

  it('schedules a failed delivery for a retry after the backoff, keeping its error, without re-running the handler that succeeded', async () => {
    let failNext = true;
    outbox.subscribe('fair.opened', 'test.flaky-once', async (event, context) => {
      if (failNext) {
        failNext = false;
        throw new Error('SMS gateway timed out');
      }
      await receiptHandler()(event, context);
    });
    outbox.subscribe('fair.opened', 'test.steady', receiptHandler());
    const eventId = await inTransaction(api.dataSource, (manager) => outbox.publish(manager, { type: 'fair.opened', aggregateId: 'fair-1', payload: {} }));

    await dispatcher.deliver(await dispatcher.claim());

    const [flaky, steady] = await deliveriesOf(api.dataSource, eventId);
    expect(flaky).toMatchObject({ handler: 'test.flaky-once', status: 'PENDING', attempts: 1, lastError: 'Error: SMS gateway timed out' });
    expect(steady).toMatchObject({ handler: 'test.steady', status: 'DONE', attempts: 1 });
    // OUTBOX_RETRY_BASE_MS=60000 with ±25 % jitter: the retry waits 45–75 s.
    const [{ waitSeconds }] = (await api.dataSource.query(
      `SELECT extract(epoch FROM available_at - now())::float8 AS "waitSeconds" FROM outbox_delivery WHERE id = $1`,
      [flaky.id],
    )) as { waitSeconds: number }[];
    expect(waitSeconds).toBeGreaterThan(40);
    expect(waitSeconds).toBeLessThan(76);
    expect(await dispatcher.claim()).toEqual([]);

    // Time passes: the retry is due.
    await api.dataSource.query(`UPDATE outbox_delivery SET available_at = now() WHERE id = $1`, [flaky.id]);
    await outbox.drain();
    expect(await deliveriesOf(api.dataSource, eventId)).toMatchObject([
      { handler: 'test.flaky-once', status: 'DONE', attempts: 2, lastError: null },
      { handler: 'test.steady', status: 'DONE', attempts: 1 },
    ]);
    expect(await receipts(api.dataSource, 'event_id = $1', [eventId])).toEqual([
      { eventId, handler: 'test.flaky-once', attempt: 2 },
      { eventId, handler: 'test.steady', attempt: 1 },
    ]);
  });

  it('marks a delivery DEAD with its last error after the maximum attempts, while the other handler of the event succeeds', async () => {
    let calls = 0;
    outbox.subscribe('test.contract.activated', 'test.always-fails', async (_event, context) => {
      calls += 1;
      await context.manager.query('INSERT INTO outbox_test_receipt (event_id, handler, attempt) VALUES ($1, $2, $3)', [_event.id, 'rolled-back-write', 0]);
      throw new Error(`placement service refused (call ${calls})`);
    });
    outbox.subscribe('test.contract.activated', 'test.records-placement', receiptHandler());
    const eventId = await inTransaction(api.dataSource, (manager) =>
      outbox.publish(manager, { type: 'test.contract.activated', aggregateId: 'contract-1', payload: {} }),
    );

    for (let attempt = 1; attempt <= 3; attempt++) {
      await api.dataSource.query(`UPDATE outbox_delivery SET available_at = now() WHERE event_id = $1 AND status = 'PENDING'`, [eventId]);
      await dispatcher.deliver(await dispatcher.claim());
    }

    expect(calls).toBe(3);
    expect(await deliveriesOf(api.dataSource, eventId)).toMatchObject([
      { handler: 'test.always-fails', status: 'DEAD', attempts: 3, lastError: 'Error: placement service refused (call 3)' },
      { handler: 'test.records-placement', status: 'DONE', attempts: 1 },
    ]);
    // The failing handler's writes rolled back with its transaction; the other handler ran once.
    expect(await receipts(api.dataSource, 'event_id = $1', [eventId])).toEqual([{ eventId, handler: 'test.records-placement', attempt: 1 }]);
    await api.dataSource.query(`UPDATE outbox_delivery SET available_at = now() WHERE event_id = $1`, [eventId]);
    expect(await dispatcher.claim()).toEqual([]);
  });

  it('hands a delivery whose lease expired (its process died) to the next claimer, and fences out the late holder', async () => {
    const eventId = await inTransaction(api.dataSource, (manager) => outbox.publish(manager, { type: 'job.posted', aggregateId: 'job-lease', payload: {} }));
    const crashed = await dispatcher.claim();
    expect(crashed.map((c) => c.eventId)).toEqual([eventId, eventId]);
    // While the lease runs nobody else may take it.
    expect(await dispatcher.claim()).toEqual([]);

    // The lease (OUTBOX_LEASE_SECONDS) runs out without the claimer finishing.
    await api.dataSource.query(`UPDATE outbox_delivery SET available_at = now() - interval '1 second' WHERE event_id = $1`, [eventId]);
    await outbox.drain();
    expect(await deliveriesOf(api.dataSource, eventId)).toMatchObject([
      { status: 'DONE', attempts: 2 },
      { status: 'DONE', attempts: 2 },
    ]);

    // The first claimer wakes up and runs its stale claims: its work is rolled back, not counted twice.
    await dispatcher.deliver(crashed);
    expect(await receipts(api.dataSource, 'event_id = $1', [eventId])).toEqual([
      { eventId, handler: 'test.alert-seekers', attempt: 2 },
      { eventId, handler: 'test.index-job', attempt: 2 },
    ]);
    expect(await deliveriesOf(api.dataSource, eventId)).toMatchObject([
      { status: 'DONE', attempts: 2, lastError: null },
      { status: 'DONE', attempts: 2, lastError: null },
    ]);
  });

  it('fails an attempt whose handler hangs past its lease, so it is retried instead of holding its transaction', async () => {
    let calls = 0;
    outbox.subscribe('gig.booked', 'test.hangs-once', async (event, context) => {
      calls += 1;
      if (calls === 1) return new Promise<void>(() => undefined);
      await receiptHandler()(event, context);
    });
    const eventId = await inTransaction(api.dataSource, (manager) => outbox.publish(manager, { type: 'gig.booked', aggregateId: 'booking-1', payload: {} }));

    await dispatcher.deliver(await dispatcher.claim());
    expect(await deliveriesOf(api.dataSource, eventId)).toMatchObject([
      { status: 'PENDING', attempts: 1, lastError: 'Error: handler did not finish before its lease ended (OUTBOX_LEASE_SECONDS=5)' },
    ]);

    await api.dataSource.query(`UPDATE outbox_delivery SET available_at = now() WHERE event_id = $1`, [eventId]);
    await outbox.drain();
    expect(await deliveriesOf(api.dataSource, eventId)).toMatchObject([{ status: 'DONE', attempts: 2 }]);
    expect(await receipts(api.dataSource, 'event_id = $1', [eventId])).toEqual([{ eventId, handler: 'test.hangs-once', attempt: 2 }]);
  });

  it('forgets fully delivered events after the retention period, keeping those with pending or dead deliveries', async () => {
    await api.dataSource.query(`UPDATE outbox_event SET created_at = created_at - interval '15 days'`);
    const fresh = await publishJobPosted('job-fresh');
    const [{ kept }] = (await api.dataSource.query(`SELECT count(DISTINCT event_id)::int AS kept FROM outbox_delivery WHERE status <> 'DONE'`)) as {
      kept: number;
    }[];
    expect(kept).toBeGreaterThan(0);

    const deleted = await dispatcher.sweep();

    expect(deleted).toBeGreaterThan(0);
    const left = (await api.dataSource.query(`SELECT aggregate_id FROM outbox_event ORDER BY aggregate_id`)) as { aggregate_id: string }[];
    // contract-1 has a dead delivery; job-fresh is younger than OUTBOX_RETENTION_DAYS (14).
    expect(left.map((r) => r.aggregate_id)).toEqual(['contract-1', 'job-fresh']);
    expect(await deliveriesOf(api.dataSource, fresh)).toHaveLength(2);
    await outbox.drain();
  });

  describe('status for operators', () => {
    it('shows an ADMIN the pending and dead counts with the dead deliveries’ errors, and requeues them on request', async () => {
      const admin = await api.signedIn(Role.ADMIN);
      const status = await api.gql<{
        outboxStatus: { pending: number; dead: number; deadDeliveries: { handler: string; eventType: string; attempts: number; lastError: string }[] };
      }>(`{ outboxStatus { pending dead deadDeliveries { id handler eventType attempts lastError } } }`, {}, admin.token);
      expect(status.errors).toBeUndefined();
      expect(status.data?.outboxStatus).toMatchObject({ pending: 0, dead: 1 });
      expect(status.data?.outboxStatus.deadDeliveries).toMatchObject([
        { handler: 'test.always-fails', eventType: 'test.contract.activated', attempts: 3, lastError: 'Error: placement service refused (call 3)' },
      ]);

      const health = await (await fetch(`${api.url}/health/outbox`)).json();
      expect(health).toEqual({ status: 'attention', pending: 0, dead: 1, oldestPendingSeconds: null });

      const retried = await api.gql<{ retryDeadOutboxDeliveries: { retried: number; status: { pending: number; dead: number } } }>(
        `mutation($input: RetryDeadOutboxDeliveriesInput!) { retryDeadOutboxDeliveries(input: $input) { retried status { pending dead } } }`,
        { input: {} },
        admin.token,
      );
      expect(retried.data?.retryDeadOutboxDeliveries).toEqual({ retried: 1, status: { pending: 1, dead: 0 } });
      expect(await outbox.stats()).toMatchObject({ pending: 1, dead: 0 });
    });

    it('refuses the outbox status to anyone but an ADMIN', async () => {
      const staff = await api.signedIn(Role.STAFF, '450329');
      const result = await api.gql(`{ outboxStatus { pending } }`, {}, staff.token);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(result.data).toBeNull();
    });

    it('says which delivery id it could not find when asked to requeue a missing one', async () => {
      const admin = await api.signedIn(Role.ADMIN);
      const result = await api.gql(
        `mutation($input: RetryDeadOutboxDeliveriesInput!) { retryDeadOutboxDeliveries(input: $input) { retried } }`,
        { input: { deliveryId: '999999' } },
        admin.token,
      );
      expect(result.errors?.[0]).toMatchObject({ message: expect.stringContaining('999999'), extensions: { code: 'NOT_FOUND' } });
      const bad = await api.gql(
        `mutation($input: RetryDeadOutboxDeliveriesInput!) { retryDeadOutboxDeliveries(input: $input) { retried } }`,
        { input: { deliveryId: 'abc' } },
        admin.token,
      );
      expect(bad.errors?.[0]).toMatchObject({ message: expect.stringContaining('deliveryId'), extensions: { code: 'BAD_USER_INPUT' } });
    });
  });
});
