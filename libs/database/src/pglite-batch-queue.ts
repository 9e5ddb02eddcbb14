import { type PGlite } from '@electric-sql/pglite';

/** Frontend messages of the extended query protocol that a Sync (or Flush-and-wait) must follow: Parse, Bind, Describe, Execute, Close, Flush. */
const MID_BATCH = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));

/** A frontend message: type, then its length (itself included) and body. */
function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}
const cstring = (text: string) => Buffer.from(`${text}\0`, 'utf8');
const int16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);

/** Parse, Bind and Execute of an unnamed ROLLBACK, then Sync. */
const ROLLBACK_AND_SYNC = new Uint8Array(
  Buffer.concat([
    message('P', Buffer.concat([cstring(''), cstring('ROLLBACK'), int16(0)])),
    message('B', Buffer.concat([cstring(''), cstring(''), int16(0), int16(0), int16(0)])),
    message('E', Buffer.concat([cstring(''), Buffer.alloc(4)])),
    message('S', Buffer.alloc(0)),
  ]),
);
const SIMPLE_ROLLBACK = new Uint8Array(message('Q', cstring('ROLLBACK')));

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

  /** A connection went away: its queued messages fail (its open batch is ended by clearTransactionIfNeeded, which follows). */
  clearQueueForHandler(handlerId: number): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].handlerId !== handlerId) continue;
      const [item] = this.queue.splice(i, 1);
      item.reject(new Error('Handler disconnected'));
    }
  }

  /**
   * A connection went away holding the session, between its Parse and its Sync or inside a
   * transaction: undo what it left, so the next connection starts clean. A ROLLBACK sent through
   * the extended protocol ends either — after an error the session skips to the Sync, which ends
   * the skipping; otherwise it rolls back the unfinished statement's implicit transaction or the
   * open one — and a plain ROLLBACK follows if a transaction is still open.
   */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    try {
      await this.db.runExclusive(async () => {
        await this.db.execProtocolRawStream(ROLLBACK_AND_SYNC, { onRawData: () => undefined });
        if (this.db.isInTransaction()) await this.db.execProtocolRawStream(SIMPLE_ROLLBACK, { onRawData: () => undefined });
      });
    } finally {
      this.owner = null;
      void this.process();
    }
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
