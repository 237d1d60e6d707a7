/**
 * An async iterator over a source stream that can be ended from outside: `end(last)` makes the consumer's
 * pending or next `next()` yield `last` (e.g. an error result) and then complete, and returns the source
 * (which ends its upstream subscription). `onFinish` runs once, however the stream finishes.
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
  let signalEnd: (v: typeof ENDED) => void = () => undefined;
  const endSignal = new Promise<typeof ENDED>((resolve) => (signalEnd = resolve));
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
        const r = await Promise.race([it.next(), endSignal]);
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
      signalEnd(ENDED);
      await it.return?.();
      return done();
    },
    async throw(err?: unknown): Promise<IteratorResult<T>> {
      ended = true;
      signalEnd(ENDED);
      finish();
      if (it.throw) return it.throw(err);
      throw err;
    },
    end(value?: T): void {
      if (ended) return;
      ended = true;
      if (value !== undefined) last = { value };
      signalEnd(ENDED);
      void Promise.resolve(it.return?.()).catch(() => undefined);
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}
