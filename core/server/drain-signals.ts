/**
 * One owner of SIGTERM and SIGINT per process. The libraries under us install their own handlers: Apollo
 * Server stops itself and then re-sends the signal to the process (so a shutdown ran twice and the process
 * exited before queued work drained), and the Hive gateway runtime (@whatwg-node/server,
 * `disposeOnProcessTerminate`) disposes itself at once, aborting every request in flight with
 * SHUTTING_DOWN. `ownShutdownSignals` removes every handler installed before it (call it once everything
 * has started) and installs one: the first signal runs `shutdown` once and exits with the code it returns;
 * a second signal forces the exit (code 1) without waiting — unless it came within `echoMs` of the first:
 * one Ctrl-C under `npm start` arrives twice (the terminal signals the whole process group, and npm forwards
 * the signal it got to its child), and must not skip the drain; `hardLimitMs` after the first signal the process
 * exits 1 whatever is still running, so a hung close can never outlive the orchestrator's grace period.
 */
import type { Logger } from '../logger';
import type { InFlightRequest } from './drain';

/** After the drain deadline, the time closing connections and databases may take before a forced exit. */
export const CLOSE_GRACE_MS = 5_000;

export const SHUTDOWN_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

export interface ShutdownSignalOptions {
  logger: Logger;
  /** Runs once, on the first signal; resolves with the exit code (0: everything drained). */
  shutdown(signal: NodeJS.Signals): Promise<number>;
  /** After the first signal, the longest the process lives (ms). */
  hardLimitMs: number;
  /** A repeat within this many ms of the first signal is the same one delivered twice (default 1000). */
  echoMs?: number;
  /** Date.now (tests replace it). */
  now?: () => number;
  /** process.exit (tests replace it). */
  exit?: (code: number) => void;
}

/** Removes the signal handlers installed so far (by libraries); returns their names, for the log. */
export function removeForeignSignalHandlers(): string[] {
  const removed: string[] = [];
  for (const signal of SHUTDOWN_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      process.removeListener(signal, listener);
      removed.push(`${signal}:${listener.name || 'anonymous'}`);
    }
  }
  return removed;
}

/** Takes SIGTERM/SIGINT over (see the file comment); returns a function that gives them back. */
export function ownShutdownSignals(opts: ShutdownSignalOptions): () => void {
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const removed = removeForeignSignalHandlers();
  if (removed.length) opts.logger.debug({ removed }, 'signal handlers of libraries removed');
  const now = opts.now ?? Date.now;
  let first: { signal: NodeJS.Signals; at: number } | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (first) {
      if (now() - first.at < (opts.echoMs ?? 1_000)) {
        opts.logger.debug({ signal }, 'the same signal again (forwarded by a parent): still draining');
        return;
      }
      opts.logger.warn(
        { signal, first: first.signal },
        'second signal: exiting now, without waiting for the drain',
      );
      exit(1);
      return;
    }
    first = { signal, at: now() };
    const hard = setTimeout(() => {
      opts.logger.error({ signal, hardLimitMs: opts.hardLimitMs }, 'shutdown did not finish: exiting');
      exit(1);
    }, opts.hardLimitMs);
    hard.unref();
    opts.shutdown(signal).then(
      (code) => exit(code),
      (err: unknown) => {
        opts.logger.error({ err }, 'shutdown failed');
        exit(1);
      },
    );
  };
  for (const signal of SHUTDOWN_SIGNALS) process.on(signal, onSignal);
  return () => {
    for (const signal of SHUTDOWN_SIGNALS) process.removeListener(signal, onSignal);
  };
}

/** True when `promise` settled before `deadlineAt` (epoch ms); it keeps running either way. */
export function settlesBy(promise: Promise<unknown>, deadlineAt: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), Math.max(0, deadlineAt - Date.now()));
    const done = () => {
      clearTimeout(timer);
      resolve(true);
    };
    promise.then(done, done);
  });
}

/** A request still in flight, for the shutdown log: `POST /graphql (running 10234 ms)`. */
export function describeRequest(r: InFlightRequest): string {
  return `${r.method} ${r.url} (running ${r.ageMs} ms)`;
}

/** Logs the drain's outcome and returns the exit code: 0 when nothing was abandoned, else 1. */
export function reportDrain(logger: Logger, abandoned: string[], startedAt: number): number {
  const ms = Date.now() - startedAt;
  if (abandoned.length === 0) {
    logger.info({ ms }, 'drained: everything in flight finished');
    return 0;
  }
  logger.error(
    { ms, abandonedCount: abandoned.length, abandoned },
    `shutdown deadline passed: abandoned ${abandoned.length}: ${abandoned.join('; ')}`,
  );
  return 1;
}
