/**
 * One `abort` listener per signal, however many callers wait on it. Signals that outlive a single subgraph
 * call — the HTTP executor's own dispose signal (one per subgraph, for the gateway's lifetime) and a client
 * request's signal (shared by every subgraph call of that request) — would otherwise collect one listener
 * per call in flight: past ten Node prints `MaxListenersExceededWarning`, and listeners that are only
 * released by garbage collection pile up. Here the first caller adds the one listener, the last one to
 * leave removes it, and an abort reaches every caller registered at that moment.
 */
type Callback = (reason: unknown) => void;

const waiting = new WeakMap<AbortSignal, Set<Callback>>();

function fire(this: AbortSignal): void {
  const callbacks = waiting.get(this);
  waiting.delete(this);
  for (const cb of callbacks ?? []) cb(this.reason);
}

/**
 * Calls `cb` with the signal's reason when it aborts (at once if it already has). Returns the function
 * that unregisters `cb`; call it when the work it guards is done.
 */
export function onAbort(signal: AbortSignal, cb: Callback): () => void {
  if (signal.aborted) {
    cb(signal.reason);
    return () => undefined;
  }
  let callbacks = waiting.get(signal);
  if (!callbacks) {
    callbacks = new Set();
    waiting.set(signal, callbacks);
    signal.addEventListener('abort', fire, { once: true });
  }
  const mine = (reason: unknown) => cb(reason); // a distinct entry even if the same cb registers twice
  callbacks.add(mine);
  return () => {
    const current = waiting.get(signal);
    if (!current?.delete(mine) || current.size > 0) return;
    waiting.delete(signal);
    signal.removeEventListener('abort', fire);
  };
}

/** How many callers wait on the signal (tests: the listeners are released when the work is done). */
export function waitingOn(signal: AbortSignal): number {
  return waiting.get(signal)?.size ?? 0;
}
