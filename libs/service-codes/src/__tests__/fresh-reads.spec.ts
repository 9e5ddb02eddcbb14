import { FreshReads } from '../fresh-reads';

/** A read the test finishes by hand; `started` says which reads began, in order. */
function controlledReads() {
  const started: { key: string; finish: (value: string) => void; fail: (error: Error) => void }[] = [];
  const reads = new FreshReads<string, string>(
    (key) =>
      new Promise<string>((resolve, reject) => {
        started.push({ key, finish: resolve, fail: reject });
      }),
  );
  return { reads, started };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('FreshReads: coalesced, never older than the caller', () => {
  it('gives callers who asked while a read ran the next read, which starts after that one ends', async () => {
    const { reads, started } = controlledReads();
    const first = reads.get('k');
    const second = reads.get('k');
    const third = reads.get('k');
    expect(started).toHaveLength(1);

    started[0].finish('v1');
    expect(await first).toBe('v1');
    await tick();
    expect(started).toHaveLength(2); // one read for both latecomers, not v1
    started[1].finish('v2');
    expect(await second).toBe('v2');
    expect(await third).toBe('v2');

    // Idle again: the next caller starts a read of its own.
    const fourth = reads.get('k');
    await tick();
    expect(started).toHaveLength(3);
    started[2].finish('v3');
    expect(await fourth).toBe('v3');
  });

  it('keeps keys apart and passes a failed read on to those who shared it only', async () => {
    const { reads, started } = controlledReads();
    const a = reads.get('a');
    const b = reads.get('b');
    const a2 = reads.get('a');
    expect(started.map((s) => s.key)).toEqual(['a', 'b']);
    started[0].fail(new Error('connection lost'));
    await expect(a).rejects.toThrow('connection lost');
    await tick();
    started[1].finish('b1');
    started[2].finish('a2');
    expect(await b).toBe('b1');
    expect(await a2).toBe('a2');
  });
});
