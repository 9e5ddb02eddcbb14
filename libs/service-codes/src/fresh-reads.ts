const ignore = (): void => undefined;

interface State<V> {
  running: Promise<V>;
  /** The read that starts when `running` ends, shared by everyone who asked meanwhile. */
  next?: Promise<V>;
}

/**
 * Coalesces concurrent reads of one key without ever answering a caller from a read that
 * started before it asked: while a read runs, later callers share the next one, which starts
 * when the running one ends. So at most one read per key is in flight, a crowd asking for the
 * same key costs one read per round trip instead of one per caller, and whatever was committed
 * before a caller asked is in its answer (a cache validated by it stays exact).
 */
export class FreshReads<K, V> {
  private readonly pending = new Map<K, State<V>>();

  constructor(private readonly read: (key: K) => Promise<V>) {}

  get(key: K): Promise<V> {
    const state = this.pending.get(key);
    if (!state) return this.start(key);
    return (state.next ??= state.running.then(ignore, ignore).then(() => this.start(key)));
  }

  private start(key: K): Promise<V> {
    const state: State<V> = { running: this.read(key) };
    this.pending.set(key, state);
    const done = () => {
      if (this.pending.get(key) === state && !state.next) this.pending.delete(key);
    };
    state.running.then(done, done);
    return state.running;
  }
}
