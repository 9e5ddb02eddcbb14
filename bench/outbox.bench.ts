/**
 * npm run bench:outbox — the outbox on the local PostgreSQL (scratch database, dropped at the end),
 * BENCH_EVENTS events (default 2000), one handler that inserts a row, each figure beside its baseline:
 * - publish: events published in transactions of 100, against plain INSERTs of the same rows;
 * - deliver: drained by one process, then by two API processes sharing the work, against the
 *   handler's own work done directly (one transaction per row: the floor of one-transaction-per-delivery);
 * - latency: publish → delivered by another process (NOTIFY), against the fallback poll interval.
 */
import 'reflect-metadata';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';

import { loadConfig, Secrets } from '@jobcode/common';
import { inTransaction } from '@jobcode/database';
import { OutboxService } from '@jobcode/outbox';

import { createApp } from '../apps/api/src/bootstrap/create-app';
import { createScratchDatabase } from '../apps/api/src/commands/scratch-database';
import { benchResult, fmt, percentile, timed } from './bench-stats';

const N = Number(process.env.BENCH_EVENTS ?? 2000);
const POLL_MS = 60_000;
const secrets = new Secrets('bench-jwt-secret-0123456789abcdef0123', '0'.repeat(64), '1'.repeat(64));

async function boot(url: string, dispatcher: 'on' | 'off'): Promise<NestFastifyApplication> {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, OUTBOX_DISPATCHER: dispatcher, OUTBOX_POLL_MS: String(POLL_MS) });
  const { app } = await createApp({
    config,
    secrets,
    database: { url, embedded: false, poolSize: 10, description: 'bench', stop: async () => undefined },
    logger: ['error'],
  });
  app.get(OutboxService).subscribe('bench.happened', 'bench.record', async (event, { manager }) => {
    await manager.query('INSERT INTO bench_receipt (event_id) VALUES ($1)', [event.id]);
  });
  return app;
}

async function publish(app: NestFastifyApplication, tag: string): Promise<void> {
  const outbox = app.get(OutboxService);
  for (let batch = 0; batch < N / 100; batch++) {
    await inTransaction(app.get(DataSource), async (manager) => {
      for (let i = 0; i < 100; i++) await outbox.publish(manager, { type: 'bench.happened', aggregateId: `${tag}-${batch}-${i}`, payload: { batch, i } });
    });
  }
}

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 5));
}

async function main(): Promise<void> {
  const scratch = await createScratchDatabase('jobcode_bench_outbox');
  const apps: NestFastifyApplication[] = [];
  try {
    const publisher = await boot(scratch.url, 'off');
    apps.push(publisher);
    const ds = publisher.get(DataSource);
    await ds.query('CREATE TABLE bench_receipt (event_id uuid NOT NULL)');
    await ds.query('CREATE TABLE bench_plain (id uuid DEFAULT gen_random_uuid() PRIMARY KEY, type text, aggregate_id text, payload jsonb)');
    const outbox = publisher.get(OutboxService);
    const rate = (ms: number) => `${Math.round(N / (ms / 1000))}/s`;
    console.log(`outbox on PostgreSQL, ${N} events, one handler\n`);

    const [, plainMs] = await timed(async () => {
      for (let batch = 0; batch < N / 100; batch++) {
        await inTransaction(ds, async (m) => {
          for (let i = 0; i < 100; i++)
            await m.query('INSERT INTO bench_plain (type, aggregate_id, payload) VALUES ($1, $2, $3)', [
              'bench.happened',
              `p-${batch}-${i}`,
              JSON.stringify({ batch, i }),
            ]);
        });
      }
    });
    const [, publishMs] = await timed(() => publish(publisher, 'one'));
    console.log(`publish            ${fmt(publishMs).padStart(10)} (${rate(publishMs)})   baseline plain INSERT ${fmt(plainMs)} (${rate(plainMs)})`);

    const [, directMs] = await timed(async () => {
      for (let i = 0; i < N; i++)
        await inTransaction(ds, (m) => m.query('INSERT INTO bench_plain (type, aggregate_id, payload) VALUES ($1, $2, $3)', ['direct', `d-${i}`, '{}']));
    });
    const [, drainMs] = await timed(() => outbox.drain(300_000));
    console.log(`deliver, 1 process ${fmt(drainMs).padStart(10)} (${rate(drainMs)})   baseline one tx per row ${fmt(directMs)} (${rate(directMs)})`);

    await publish(publisher, 'two');
    const first = await boot(scratch.url, 'on');
    const second = await boot(scratch.url, 'on');
    apps.push(first, second);
    const [, twoMs] = await timed(async () => {
      await ds.query(`SELECT pg_notify('jobcode_outbox', '')`);
      await until(async () => (await outbox.stats()).pending === 0);
    });
    const split = (await ds.query(
      `SELECT count(*)::int AS n FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id WHERE e.aggregate_id LIKE 'two-%' GROUP BY claimed_by`,
    )) as { n: number }[];
    console.log(`deliver, 2 process ${fmt(twoMs).padStart(10)} (${rate(twoMs)})   split ${split.map((s) => s.n).join(' + ')}`);

    const latencies: number[] = [];
    for (let i = 0; i < 50; i++) {
      const [, ms] = await timed(async () => {
        const id = await inTransaction(ds, (m) => outbox.publish(m, { type: 'bench.happened', aggregateId: `lat-${i}`, payload: {} }));
        await until(async () => (await ds.query('SELECT 1 FROM bench_receipt WHERE event_id = $1', [id])).length > 0);
      });
      latencies.push(ms);
    }
    console.log(`latency (NOTIFY)   p50 ${fmt(percentile(latencies, 50))}, p95 ${fmt(percentile(latencies, 95))}   baseline poll interval ${POLL_MS} ms`);
    benchResult({
      bench: 'outbox',
      size: `${N} events`,
      figure: `deliver ${rate(drainMs)}`,
      baseline: `one transaction per row ${rate(directMs)}`,
      ratio: `${(directMs / drainMs).toFixed(1)}× faster`,
    });
  } finally {
    for (const app of apps.reverse()) await app.close();
    await scratch.drop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
