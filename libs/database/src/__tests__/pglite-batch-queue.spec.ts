import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Client } from 'pg';

import { type EmbeddedPostgres, startEmbeddedPostgres } from '../embedded-postgres';

let dir: string;
let embedded: EmbeddedPostgres;
const clients: Client[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jobcode-pglite-queue-'));
  embedded = await startEmbeddedPostgres(dir);
  for (let i = 0; i < 4; i++) {
    const client = new Client({ connectionString: embedded.url });
    await client.connect();
    clients.push(client);
  }
}, 60_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end()));
  await embedded?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the embedded database shared by several connections', () => {
  it('runs every parameterised statement with its own parameters, however the connections interleave', async () => {
    // Half the connections send parameterised statements (Parse, Bind, Describe, Execute, Sync), each
    // its own text; the others plain queries, which discard the session's unnamed statement. Crossed
    // messages show as a wrong sum or "unnamed prepared statement does not exist".
    const answers = await Promise.all(
      clients.map(async (client, k) => {
        const wrong: string[] = [];
        for (let i = 0; i < 12; i++) {
          try {
            // A large parameter makes a statement's messages arrive in several socket reads.
            const { rows } =
              k % 2 === 0
                ? await client.query<{ v: number; tag: string }>(`SELECT $1::int + ${k * 1000} AS v, left($2::text, 2) AS tag`, [
                    i,
                    `c${k}`.padEnd(3_000_000, '.'),
                  ])
                : await client.query<{ v: number; tag: string }>(`SELECT ${i} + ${k * 1000} AS v, 'c${k}' AS tag`);
            if (rows[0].v !== i + k * 1000 || rows[0].tag !== `c${k}`) wrong.push(`${k}/${i}: ${JSON.stringify(rows[0])}`);
          } catch (error) {
            wrong.push(`${k}/${i}: ${(error as Error).message}`);
          }
        }
        return wrong;
      }),
    );
    expect(answers.flat()).toEqual([]);
  });

  it('keeps a transaction whole: the other connections wait until it ends, and see it only after', async () => {
    const [a, b] = clients;
    await a.query('CREATE TABLE IF NOT EXISTS counter (id int PRIMARY KEY, n int NOT NULL)');
    await a.query('INSERT INTO counter VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET n = 0');
    await a.query('BEGIN');
    await a.query('UPDATE counter SET n = n + 1 WHERE id = $1', [1]);
    const read = b.query<{ n: number }>('SELECT n FROM counter WHERE id = $1', [1]);
    let readDone = false;
    void read.then(() => (readDone = true));
    await a.query('UPDATE counter SET n = n + 1 WHERE id = $1', [1]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readDone).toBe(false);
    await a.query('COMMIT');
    expect((await read).rows[0].n).toBe(2);
  });

  it('rolls back the transaction of a connection that went away, and goes on with the others', async () => {
    const gone = new Client({ connectionString: embedded.url });
    gone.on('error', () => undefined); // its connection is cut below
    await gone.connect();
    await gone.query('BEGIN');
    await gone.query('UPDATE counter SET n = 100 WHERE id = $1', [1]);
    const waiting = clients[1].query<{ n: number }>('SELECT n FROM counter WHERE id = $1', [1]);
    (gone as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    expect((await waiting).rows[0].n).toBe(2);
  });

  describe('a connection cut half-way through a statement leaves nothing behind', () => {
    /** A raw protocol connection that sends `messages` after start-up and is then cut. */
    async function cutAfter(messages: Buffer[]): Promise<void> {
      const url = new URL(embedded.url);
      const socket = connect(join(decodeURIComponent(url.searchParams.get('host') ?? ''), '.s.PGSQL.5432'));
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
      const received: Buffer[] = [];
      socket.on('data', (d: Buffer) => received.push(d));
      const params = Buffer.from('user\0postgres\0database\0postgres\0\0', 'utf8');
      const startup = Buffer.alloc(8);
      startup.writeInt32BE(8 + params.length, 0);
      startup.writeInt32BE(196608, 4);
      socket.write(Buffer.concat([startup, params]));
      const until = async (done: () => boolean) => {
        for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
      };
      const ready = () => Buffer.concat(received).includes(Buffer.from([0x5a, 0, 0, 0, 5]));
      await until(ready);
      received.length = 0;
      socket.write(Buffer.concat(messages));
      await new Promise((r) => setTimeout(r, 150));
      socket.destroy();
      await new Promise((r) => setTimeout(r, 50));
    }
    const msg = (type: string, body: Buffer) => {
      const head = Buffer.alloc(5);
      head.write(type, 0, 'latin1');
      head.writeInt32BE(body.length + 4, 1);
      return Buffer.concat([head, body]);
    };
    const z = (text: string) => Buffer.from(`${text}\0`, 'utf8');
    const extended = (sql: string) => [
      msg('P', Buffer.concat([z(''), z(sql), Buffer.from([0, 0])])),
      msg('B', Buffer.concat([z(''), z(''), Buffer.from([0, 0, 0, 0, 0, 0])])),
      msg('E', Buffer.concat([z(''), Buffer.alloc(4)])),
    ];

    beforeAll(async () => {
      await clients[0].query('CREATE TABLE IF NOT EXISTS cut (n int)');
    });

    it('does not commit what the cut connection executed before its Sync', async () => {
      await cutAfter(extended('INSERT INTO cut VALUES (1)'));
      expect((await clients[1].query('SELECT count(*)::int AS n FROM cut')).rows).toEqual([{ n: 0 }]);
    });

    it('does not leave the session skipping to a Sync after the cut connection’s error', async () => {
      await cutAfter(extended('SELECT 1/0'));
      expect((await clients[2].query('SELECT 41 + $1::int AS n', [1])).rows).toEqual([{ n: 42 }]);
    });

    it('does not leave an aborted transaction open for the others', async () => {
      await cutAfter([msg('Q', z('BEGIN')), ...extended('SELECT 1/0')]);
      expect((await clients[3].query('SELECT 1 AS n')).rows).toEqual([{ n: 1 }]);
      expect((await clients[0].query('INSERT INTO cut VALUES (2) RETURNING n')).rows).toEqual([{ n: 2 }]);
    });
  });
});
