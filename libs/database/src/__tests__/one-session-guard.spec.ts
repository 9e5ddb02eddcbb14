import { DataSource } from 'typeorm';

import { startTestModule, type TestModule } from '../../../../test/support/test-module';
import { QueryOutsideTransactionError } from '../one-session-guard';
import { inTransaction } from '../transaction';

let api: TestModule;
beforeAll(async () => {
  api = await startTestModule([]);
});
afterAll(async () => api?.close());

describe('one session at a time inside a transaction', () => {
  it('refuses, naming the statement, a query through another connection while the flow holds a transaction', async () => {
    const dataSource = api.app.get(DataSource);
    const attempt = inTransaction(dataSource, async (manager) => {
      await manager.query('SELECT 1');
      await dataSource.query('SELECT 2 AS beside');
    });
    await expect(attempt).rejects.toThrow(QueryOutsideTransactionError);
    await expect(attempt).rejects.toThrow(/SELECT 2 AS beside/);
  });

  it('allows the transaction’s own manager, and any connection once the transaction is over', async () => {
    const dataSource = api.app.get(DataSource);
    let later: Promise<unknown> | undefined;
    let committed!: () => void;
    const afterCommit = new Promise<void>((resolve) => (committed = resolve));
    const answer = await inTransaction(dataSource, async (manager) => {
      const [row] = await manager.query<{ n: number }[]>('SELECT 1 AS n');
      // Work started inside but run after the commit (a notification, say) is not refused. It
      // waits for the commit itself, not a timer: a slow commit (PGlite under load) outlasted 20 ms.
      later = afterCommit.then(() => dataSource.query('SELECT 3 AS after'));
      return row.n;
    });
    committed();
    expect(answer).toBe(1);
    await expect(later).resolves.toEqual([{ after: 3 }]);
    await expect(dataSource.query('SELECT 4 AS n')).resolves.toEqual([{ n: 4 }]);
  });
});
