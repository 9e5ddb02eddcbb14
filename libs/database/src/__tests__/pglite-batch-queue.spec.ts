import { mkdtempSync, rmSync } from 'node:fs';
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
        for (let i = 0; i < 30; i++) {
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
});
