/**
 * The process's one SIGTERM/SIGINT owner (core/server/drain-signals.ts): the handlers libraries installed
 * before it are removed (Apollo's re-sent the signal, the Hive runtime's aborted requests in flight), the
 * shutdown runs once whatever signals follow, its code is the exit code, and a second signal exits 1 at once.
 * Signals are emitted on `process` (listeners run as for a real signal); `exit` is a fake.
 */
import { createLogger } from '../../../core/logger';
import { ownShutdownSignals, SHUTDOWN_SIGNALS } from '../../../core/server/drain-signals';

const logger = createLogger({ level: 'silent', name: 'drain-signals-test' });

describe('ownShutdownSignals', () => {
  const saved = new Map<string, NodeJS.SignalsListener[]>();
  let release: () => void = () => undefined;

  beforeEach(() => {
    for (const s of SHUTDOWN_SIGNALS) {
      saved.set(s, process.listeners(s));
      process.removeAllListeners(s);
    }
  });
  afterEach(() => {
    release();
    for (const s of SHUTDOWN_SIGNALS) {
      process.removeAllListeners(s);
      for (const l of saved.get(s) ?? []) process.on(s, l);
    }
  });

  test("removes the libraries' handlers, runs the shutdown once, exits with its code", async () => {
    const library = jest.fn();
    process.on('SIGTERM', library);
    process.once('SIGINT', library);
    const exits: number[] = [];
    let exited!: () => void;
    const firstExit = new Promise<void>((resolve) => (exited = resolve));
    let finish!: (code: number) => void;
    const shutdown = jest.fn(() => new Promise<number>((resolve) => (finish = resolve)));
    const exit = (c: number) => {
      exits.push(c);
      exited();
    };
    release = ownShutdownSignals({ logger, shutdown, hardLimitMs: 60_000, exit });

    expect(process.listenerCount('SIGTERM')).toBe(1);
    expect(process.listenerCount('SIGINT')).toBe(1);
    process.emit('SIGTERM', 'SIGTERM');
    expect(library).not.toHaveBeenCalled();
    expect(shutdown).toHaveBeenCalledTimes(1);
    expect(exits).toEqual([]);
    finish(0);
    await firstExit;
    expect(exits).toEqual([0]);
  });

  test('a second signal exits 1 at once, without a second shutdown; its echo within 1 s does not', () => {
    const exits: number[] = [];
    let clock = 1_000_000;
    const shutdown = jest.fn(() => new Promise<number>(() => undefined));
    release = ownShutdownSignals({
      logger,
      shutdown,
      hardLimitMs: 60_000,
      exit: (c) => exits.push(c),
      now: () => clock,
    });
    process.emit('SIGINT', 'SIGINT');
    clock += 20; // the same Ctrl-C, forwarded by npm to its child
    process.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([]);
    clock += 2_000;
    process.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([1]);
    expect(shutdown).toHaveBeenCalledTimes(1);
  });

  test('a failed shutdown exits 1', async () => {
    const exited = new Promise<number>((resolve) => {
      release = ownShutdownSignals({
        logger,
        shutdown: () => Promise.reject(new Error('boom')),
        hardLimitMs: 60_000,
        exit: resolve,
      });
    });
    process.emit('SIGINT', 'SIGINT');
    expect(await exited).toBe(1);
  });
});
