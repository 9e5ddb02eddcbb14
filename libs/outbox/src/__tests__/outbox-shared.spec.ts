import { inTransaction } from '@jobcode/database';

import { startTestModule, type TestModule } from '../../../../test/support/test-module';
import { testState } from '../../../../test/support/test-state';
import { OutboxModule } from '../outbox.module';
import { OutboxService } from '../outbox.service';
import { createReceiptTable, eventually, receiptHandler } from './outbox-test-kit';

const EVENTS = 500;
const HANDLERS = ['test.index-job', 'test.alert-seekers'];

/**
 * Two API processes on one PostgreSQL (two Nest contexts with the outbox on one database), both dispatching.
 * The fallback poll is set to a minute, so prompt delivery shows the wake-ups work:
 * NOTIFY from the other process and commits in the same one.
 * Needs a PostgreSQL server: embedded PGlite admits one process per data folder.
 */
const onServer = testState().mode === 'server';
(onServer ? describe : describe.skip)('two dispatchers on one PostgreSQL server', () => {
  let first: TestModule;
  let second: TestModule;

  beforeAll(async () => {
    const env = { OUTBOX_POLL_MS: '60000', OUTBOX_RETRY_BASE_MS: '10' };
    first = await startTestModule([OutboxModule], { env });
    second = await startTestModule([OutboxModule], { env, databaseUrl: first.databaseUrl });
    await createReceiptTable(first.dataSource);
    for (const api of [first, second]) {
      for (const name of HANDLERS) api.app.get(OutboxService).subscribe('job.posted', name, receiptHandler());
    }
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  const pending = async (api: TestModule) => (await api.app.get(OutboxService).stats()).pending;

  it(`deliver each of ${EVENTS} events exactly once to each handler, whichever process claims it`, async () => {
    // Published from both processes, in transactions of 25 events.
    for (let batch = 0; batch < EVENTS / 25; batch++) {
      const api = batch % 2 === 0 ? first : second;
      await inTransaction(api.dataSource, async (manager) => {
        for (let i = 0; i < 25; i++) {
          await api.app.get(OutboxService).publish(manager, { type: 'job.posted', aggregateId: `job-${batch * 25 + i}`, payload: { batch } });
        }
      });
    }

    await eventually(async () => (await pending(first)) === 0, 60_000);

    const [counts] = (await first.dataSource.query(
      `SELECT count(*)::int AS receipts, count(DISTINCT (event_id, handler))::int AS distinct_pairs FROM outbox_test_receipt`,
    )) as { receipts: number; distinct_pairs: number }[];
    expect(counts).toEqual({ receipts: EVENTS * HANDLERS.length, distinct_pairs: EVENTS * HANDLERS.length });
    expect(await first.dataSource.query(`SELECT status, attempts, count(*)::int AS n FROM outbox_delivery GROUP BY status, attempts`)).toEqual([
      { status: 'DONE', attempts: 1, n: EVENTS * HANDLERS.length },
    ]);
    const workers = (await first.dataSource.query(`SELECT claimed_by, count(*)::int AS n FROM outbox_delivery GROUP BY claimed_by`)) as {
      claimed_by: string;
      n: number;
    }[];
    console.log(`deliveries per dispatcher: ${workers.map((w) => w.n).join(' + ')}`);
  });

  it('wakes the other process’s dispatcher on commit through NOTIFY, long before its next poll', async () => {
    // The first app stops dispatching; only the second, which did not publish, can deliver.
    await first.app.close();
    first = await startTestModule([OutboxModule], { env: { OUTBOX_DISPATCHER: 'off' }, databaseUrl: second.databaseUrl });
    for (const name of HANDLERS) first.app.get(OutboxService).subscribe('job.posted', name, receiptHandler());

    const eventId = await inTransaction(first.dataSource, (manager) =>
      first.app.get(OutboxService).publish(manager, { type: 'job.posted', aggregateId: 'job-notify', payload: {} }),
    );
    await eventually(async () => (await first.dataSource.query('SELECT 1 FROM outbox_test_receipt WHERE event_id = $1', [eventId])).length === 2, 30_000);
    const claimedBy = (await first.dataSource.query(`SELECT DISTINCT claimed_by FROM outbox_delivery WHERE event_id = $1`, [eventId])) as {
      claimed_by: string;
    }[];
    expect(claimedBy).toHaveLength(1);
  });
});
