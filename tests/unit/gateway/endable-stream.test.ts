/**
 * gateway/endable-stream.ts wraps every live subscription twice on the gateway (drain, credential lifetime).
 * An event it has handed on must be collectable: a stream that kept each event of its lifetime made 1,000
 * live subscribers cost a GiB of gateway memory (issue 13).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { endableStream } from '../../../gateway/endable-stream';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** A source that yields what is pushed into it, and waits (never ends) when nothing is. */
function pushSource<T>() {
  const queue: T[] = [];
  let wake: (() => void) | undefined;
  async function* source(): AsyncGenerator<T> {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((r) => (wake = r));
      yield queue.shift()!;
    }
  }
  return {
    source: source(),
    push(value: T) {
      queue.push(value);
      wake?.();
    },
  };
}

describe('endableStream', () => {
  it('keeps no event it has already handed on while the stream stays open', async () => {
    const { source, push } = pushSource<{ payload: number[] }>();
    const stream = endableStream(source, () => undefined);
    const seen: WeakRef<object>[] = [];
    const consume = async (i: number) => {
      push({ payload: new Array(1000).fill(i) });
      seen.push(new WeakRef((await stream.next()).value as object));
    };
    for (let i = 0; i < 5; i++) await consume(i);
    const pending = stream.next(); // the subscription is still live, waiting for its next event
    await new Promise((r) => setImmediate(r));
    gc();
    expect(seen.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
    stream.end();
    await expect(pending).resolves.toEqual({ value: undefined, done: true });
  });

  it('ends a pending next() with the last value, then completes and runs onFinish once', async () => {
    const { source } = pushSource<string>();
    let finished = 0;
    const stream = endableStream(source, () => (finished += 1));
    const pending = stream.next();
    stream.end('bye');
    await expect(pending).resolves.toEqual({ value: 'bye', done: false });
    await expect(stream.next()).resolves.toEqual({ value: undefined, done: true });
    await expect(stream.next()).resolves.toEqual({ value: undefined, done: true });
    expect(finished).toBe(1);
  });

  it('hands on the events of an open stream in order', async () => {
    const { source, push } = pushSource<number>();
    const stream = endableStream(source, () => undefined);
    push(1);
    push(2);
    await expect(stream.next()).resolves.toEqual({ value: 1, done: false });
    await expect(stream.next()).resolves.toEqual({ value: 2, done: false });
    await stream.return?.();
    await expect(stream.next()).resolves.toEqual({ value: undefined, done: true });
  });
});
