/**
 * Load generators run in child processes (child_process.fork), so they never share the platform's event
 * loop. The parent sends one job; the child reports marks (measurement windows, so the parent can take
 * its own CPU usage around them), progress lines and one result.
 */
import { fork } from 'node:child_process';

export type MarkPhase = 'start' | 'end';

type ToParent<R> =
  | { type: 'mark'; label: string; phase: MarkPhase }
  | { type: 'log'; text: string }
  | { type: 'result'; result: R }
  | { type: 'error'; message: string };

interface ToChild<J> {
  type: 'job';
  job: J;
}

export interface WorkerHooks {
  onMark(label: string, phase: MarkPhase): void;
  onLog(text: string): void;
}

/** Forks `file` (TypeScript, through @swc-node/register), runs `job` there and resolves its result. */
export function runWorker<J, R>(file: string, job: J, hooks: WorkerHooks, timeoutMs: number): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    const child = fork(file, [], {
      execArgv: ['-r', '@swc-node/register'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let settled = false;
    const finish = (err: Error | null, result?: R) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        if (child.exitCode === null) child.kill('SIGKILL');
        reject(err);
      } else resolve(result as R);
    };
    const timer = setTimeout(
      () => finish(new Error(`${file}: no result after ${Math.round(timeoutMs / 1000)} s`)),
      timeoutMs,
    );
    child.on('message', (raw) => {
      const msg = raw as ToParent<R>;
      switch (msg.type) {
        case 'mark':
          hooks.onMark(msg.label, msg.phase);
          break;
        case 'log':
          hooks.onLog(msg.text);
          break;
        case 'result':
          finish(null, msg.result);
          break;
        case 'error':
          finish(new Error(msg.message));
          break;
      }
    });
    child.on('error', (err) => finish(err));
    child.on('exit', (code, signal) => {
      if (!settled) finish(new Error(`${file} exited (${signal ?? code}) without a result`));
    });
    const start: ToChild<J> = { type: 'job', job };
    child.send(start);
  });
}

export interface WorkerContext {
  mark(label: string, phase: MarkPhase): void;
  log(text: string): void;
}

/** The child's side: waits for the job, runs it, reports the result (or the error) and exits. */
export function workerMain<J, R>(run: (job: J, ctx: WorkerContext) => Promise<R>): void {
  if (!process.send) {
    process.stderr.write('this file is a bench worker: run it through `npm run bench`\n');
    process.exit(2);
  }
  const send = (msg: ToParent<R>, done?: () => void) => {
    process.send?.(msg, undefined, {}, () => done?.());
  };
  // the parent going away ends the worker too
  process.on('disconnect', () => process.exit(0));
  process.once('message', (raw) => {
    const msg = raw as ToChild<J>;
    const ctx: WorkerContext = {
      mark: (label, phase) => send({ type: 'mark', label, phase }),
      log: (text) => send({ type: 'log', text }),
    };
    // exit once the last message is written, even if sockets linger
    const leave = () => process.exit(0);
    run(msg.job, ctx).then(
      (result) => send({ type: 'result', result }, leave),
      (err: unknown) =>
        send(
          { type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) },
          leave,
        ),
    );
  });
}
