/**
 * Single flight: concurrent calls with the same key share one in-flight promise; the first caller (the
 * leader) runs `fn`, the others get its promise. The entry is removed when the promise settles, so a later
 * call runs `fn` again (combine with a cache to keep results). `fn` runs synchronously inside `do`, so
 * whatever it registers is visible to the caller as soon as `do` returns. Process-local by design.
 */
export interface SingleFlight<T> {
  do(key: string, fn: () => Promise<T>): Promise<T>;
  /** Whether a call for `key` is in flight. */
  has(key: string): boolean;
  readonly size: number;
}

export function singleFlight<T>(): SingleFlight<T> {
  const inFlight = new Map<string, Promise<T>>();
  return {
    do(key, fn) {
      const existing = inFlight.get(key);
      if (existing) return existing;
      let promise: Promise<T>;
      try {
        promise = fn();
      } catch (err) {
        promise = Promise.reject(err);
      }
      inFlight.set(key, promise);
      const forget = (): void => {
        if (inFlight.get(key) === promise) inFlight.delete(key);
      };
      promise.then(forget, forget);
      return promise;
    },
    has(key) {
      return inFlight.has(key);
    },
    get size() {
      return inFlight.size;
    },
  };
}
