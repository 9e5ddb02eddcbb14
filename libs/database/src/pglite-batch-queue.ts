import { type PGlite } from '@electric-sql/pglite';

/** Frontend messages of the extended query protocol that a Sync (or Flush-and-wait) must follow: Parse, Bind, Describe, Execute, Close, Flush. */
const MID_BATCH = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));

interface Queued {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

/**
 * The order in which pglite-socket's connections reach the one PGlite session.
 *
 * pglite-socket 0.2.17 runs the protocol messages of all its connections one at a time in arrival
 * order, keeping one connection's messages together only inside a transaction block. But `pg`
 * sends every parameterised statement as Parse, Bind, Describe, Execute, Sync, and the unnamed
 * statement they share is the session's: two connections interleaving them make one statement
 * run with the other's parameters, or fail with "unnamed prepared statement does not exist".
 * Its queue also stopped for good after one failed message. This queue keeps a connection's
 * messages together up to its Sync, and through a transaction block, and goes on after a failure.
 * It has the same four methods the socket handlers call (`enqueue`, `getQueueLength`,
 * `clearQueueForHandler`, `clearTransactionIfNeeded`).
 */
export class PgliteBatchQueue {
  private readonly queue: Queued[] = [];
  private processing = false;
  /** The connection whose batch or transaction is open: only its messages run until it ends. */
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  /** A connection went away: its queued messages fail, and its open batch no longer holds the session. */
  clearQueueForHandler(handlerId: number): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].handlerId !== handlerId) continue;
      const [item] = this.queue.splice(i, 1);
      item.reject(new Error('Handler disconnected'));
    }
    if (this.owner === handlerId && !this.db.isInTransaction()) {
      this.owner = null;
      void this.process();
    }
  }

  /** A connection went away inside its transaction: roll it back, so the others can go on. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.owner = null;
    await this.process();
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const index = this.owner === null ? 0 : this.queue.findIndex((q) => q.handlerId === this.owner);
        if (index === -1) return; // the owner's next message will start processing again
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          this.owner = this.db.isInTransaction() ? item.handlerId : null;
          item.reject(error);
          continue;
        }
        this.owner = MID_BATCH.has(item.message[0]) || this.db.isInTransaction() ? item.handlerId : null;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }
}
