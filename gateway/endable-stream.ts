/**
 * An async iterator over a source stream that can be ended from outside: `end(last)` makes the consumer's
 * pending or next `next()` yield `last` (e.g. an error result) and then complete, and returns the source
 * (which ends its upstream subscription). `onFinish` runs once, however the stream finishes.
 * Each `next()` races the source against a promise of its own, settled by `end` or dropped with the call:
 * racing every `next()` against one stream-long promise added a reaction to it per event, and each reaction
 * kept that event's result alive until the stream ended — every event of a subscription's lifetime held in
 * memory, twice per subscription (drain and credential lifetime), which is what made 1,000 live
 * subscribers cost a GiB on the gateway (issue 13).
 */
export interface EndableStream<T> extends AsyncIterableIterator<T> {
  end(last?: T): void;
}

const ENDED = Symbol('ended');

export function endableStream<T>(source: AsyncIterable<T>, onFinish: () => void): EndableStream<T> {
  const it = source[Symbol.asyncIterator]();
  let ended = false;
  let finished = false;
  let last: { value: T } | undefined;
  // the end signals of the `next()` calls waiting on the source
  const waiting = new Set<(v: typeof ENDED) => void>();
  const endSignal = () => {
    for (const wake of waiting) wake(ENDED);
    waiting.clear();
  };
  const finish = () => {
    if (finished) return;
    finished = true;
    onFinish();
  };
  const done = (): IteratorResult<T> => {
    finish();
    return { value: undefined, done: true };
  };

  const stream: EndableStream<T> = {
    async next(): Promise<IteratorResult<T>> {
      if (!ended) {
        let wake!: (v: typeof ENDED) => void;
        const ending = new Promise<typeof ENDED>((resolve) => waiting.add((wake = resolve)));
        const r = await Promise.race([it.next(), ending]).finally(() => waiting.delete(wake));
        if (r !== ENDED) {
          if (r.done) finish();
          return r;
        }
      }
      if (last) {
        const { value } = last;
        last = undefined;
        return { value, done: false };
      }
      return done();
    },
    async return(): Promise<IteratorResult<T>> {
      ended = true;
      last = undefined;
      endSignal();
      await it.return?.();
      return done();
    },
    async throw(err?: unknown): Promise<IteratorResult<T>> {
      ended = true;
      endSignal();
      finish();
      if (it.throw) return it.throw(err);
      throw err;
    },
    end(value?: T): void {
      if (ended) return;
      ended = true;
      if (value !== undefined) last = { value };
      endSignal();
      void Promise.resolve(it.return?.()).catch(() => undefined);
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}
