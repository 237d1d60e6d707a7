/**
 * The parent's side of bench/subscriber-worker.ts: N subscribers spread over W forked processes (round-robin),
 * their liveness summed, their receipts merged per run.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { FromSubscriberWorker, SubscriberSpec, ToSubscriberWorker } from './subscriber-worker';

const WORKER = path.join(__dirname, 'subscriber-worker.ts');

interface Worker {
  child: ChildProcess;
  live: number;
  errors: number;
  connected: number;
  reasons: Record<string, number>;
}

export interface SubscriberPool {
  /** Subscribers that have received at least one run's first event. */
  live(): number;
  /** Subscriptions that ended in an error (refused, socket closed). */
  errors(): number;
  /** Why subscriptions ended in an error, and how many each. */
  reasons(): Record<string, number>;
  /** Resolves once every subscriber's socket is acknowledged (connection_ack) or failed (at most 2 min). */
  connected(): Promise<void>;
  /** From now on every receipt is kept. */
  measure(): void;
  /** Per run id, every subscriber's receipt time (absolute ms) since `measure`. */
  collect(): Promise<Map<string, number[]>>;
  close(): Promise<void>;
}

function request(w: Worker, msg: ToSubscriberWorker, answer: FromSubscriberWorker['type']) {
  return new Promise<FromSubscriberWorker>((resolve, reject) => {
    const onMessage = (raw: unknown) => {
      const m = raw as FromSubscriberWorker;
      if (m.type !== answer) return;
      w.child.off('message', onMessage);
      w.child.off('exit', onExit);
      resolve(m);
    };
    const onExit = () => reject(new Error(`subscriber worker exited before '${answer}'`));
    w.child.on('message', onMessage);
    w.child.once('exit', onExit);
    w.child.send(msg);
  });
}

/** Forks `workers` processes and opens `specs` (subscriber i in process i mod workers) on `url`. */
export async function startSubscriberPool(
  url: string,
  specs: SubscriberSpec[],
  workers: number,
): Promise<SubscriberPool> {
  const pool: Worker[] = [];
  for (let k = 0; k < workers; k++) {
    const child = fork(WORKER, [], {
      execArgv: ['-r', '@swc-node/register', '--max-old-space-size=4096'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const w: Worker = { child, live: 0, errors: 0, connected: 0, reasons: {} };
    child.on('message', (raw) => {
      const m = raw as FromSubscriberWorker;
      if (m.type === 'live') {
        w.live = m.count;
        w.errors = m.errors;
        w.connected = m.connected;
        w.reasons = m.reasons;
      }
    });
    pool.push(w);
  }
  await Promise.all(
    pool.map((w, k) =>
      request(w, { type: 'open', url, subscribers: specs.filter((_, i) => i % workers === k) }, 'opened'),
    ),
  );
  return {
    live: () => pool.reduce((n, w) => n + w.live, 0),
    errors: () => pool.reduce((n, w) => n + w.errors, 0),
    reasons() {
      const all: Record<string, number> = {};
      for (const w of pool) for (const [k, n] of Object.entries(w.reasons)) all[k] = (all[k] ?? 0) + n;
      return all;
    },
    async connected() {
      const until = Date.now() + 120_000;
      const settled = () => pool.reduce((n, w) => n + w.connected + w.errors, 0);
      while (settled() < specs.length && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    },
    measure: () => pool.forEach((w) => w.child.send({ type: 'measure' } satisfies ToSubscriberWorker)),
    async collect() {
      const runs = new Map<string, number[]>();
      for (const w of pool) {
        const m = await request(w, { type: 'collect' }, 'receipts');
        if (m.type !== 'receipts') continue;
        for (const [run, times] of Object.entries(m.runs))
          runs.set(run, [...(runs.get(run) ?? []), ...times]);
      }
      return runs;
    },
    async close() {
      await Promise.all(
        pool.map(async (w) => {
          const timer = setTimeout(() => w.child.kill('SIGKILL'), 30_000);
          await request(w, { type: 'close' }, 'closed').catch(() => undefined);
          clearTimeout(timer);
        }),
      );
    },
  };
}
