/**
 * Spawns the repository's TypeScript entry points as a developer would (`node -r @swc-node/register
 * bin/….ts`, cwd = repo root) with a clean environment: nothing the platform's config reads is inherited
 * from the test runner (no DATABASE_URL, REDIS_URL, NODE_ENV=test, jest's NODE_OPTIONS, …).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');

/** Variables the platform reads (core/config.ts) plus the runner's NODE_ENV / NODE_OPTIONS. */
const CONFIG_VARIABLE =
  /^(NODE_ENV|NODE_OPTIONS|HOST|DATA_DIR|LOG_LEVEL|SEED_DEMO|QUERY_PLANNER|SUPERGRAPH_PATH|CORS_ORIGINS|DATABASE_\w+|DB_\w+|REDIS_\w+|JWT_\w+|CONTEXT_\w+|API_KEY_\w+|LIMIT_\w+|RATE_LIMIT_\w+|ANTHROPIC_\w+|GHL_\w+|\w+_PORT|\w+_URL)$/;

export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!CONFIG_VARIABLE.test(k)) env[k] = v;
  return { ...env, ...extra };
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface SpawnedProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `re` on stdout; rejects on exit or after `timeoutMs`. */
  waitFor(re: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** Resolves when the process has exited; rejects after `timeoutMs`. */
  exited(timeoutMs: number): Promise<Exit>;
  /** SIGKILL if still running (cleanup), then wait for the exit. */
  kill(): Promise<void>;
}

export function hasLine(text: string, re: RegExp): boolean {
  return re.test(text);
}

export function spawnTs(script: string, args: string[], env: Record<string, string>): SpawnedProcess {
  return spawnProcess(process.execPath, ['-r', '@swc-node/register', script, ...args], cleanEnv(env), script);
}

/** Any command, run from the repository root with exactly `env`; `label` names it in error messages. */
export function spawnProcess(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  label: string,
): SpawnedProcess {
  const script = label;
  const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let exit: Exit | null = null;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const l of [...listeners]) l();
  };
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    notify();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  // 'close', not 'exit': stdout/stderr are fully read by then.
  child.on('close', (code, signal) => {
    exit = { code, signal };
    notify();
  });

  const until = <T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const done = (fn: () => void) => {
        clearTimeout(timer);
        listeners.delete(listener);
        fn();
      };
      const listener = () => {
        let value: T | undefined;
        try {
          value = check();
        } catch (e) {
          done(() => reject(e instanceof Error ? e : new Error(String(e))));
          return;
        }
        if (value !== undefined) done(() => resolve(value));
      };
      const timer = setTimeout(
        () =>
          done(() =>
            reject(
              new Error(
                `${script}: timed out after ${timeoutMs} ms waiting for ${what}\n--- stdout\n${out}\n--- stderr\n${err}`,
              ),
            ),
          ),
        timeoutMs,
      );
      listeners.add(listener);
      listener();
    });

  const exited = (timeoutMs: number): Promise<Exit> => until(() => exit ?? undefined, timeoutMs, 'the exit');

  return {
    child,
    stdout: () => out,
    stderr: () => err,
    waitFor(re, timeoutMs) {
      return until(
        () => {
          const m = out.match(re);
          if (m) return m;
          if (exit)
            throw new Error(
              `${script} exited (${exit.code ?? exit.signal}) before printing ${re}\n--- stdout\n${out}\n--- stderr\n${err}`,
            );
          return undefined;
        },
        timeoutMs,
        String(re),
      );
    },
    exited,
    async kill() {
      if (exit) return;
      child.kill('SIGKILL');
      await exited(5_000);
    },
  };
}

/** Runs an entry point to completion (for the failure modes). */
export async function runToExit(
  script: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs = 20_000,
): Promise<Exit & { stdout: string; stderr: string }> {
  const p = spawnTs(script, args, env);
  try {
    const exit = await p.exited(timeoutMs);
    return { ...exit, stdout: p.stdout(), stderr: p.stderr() };
  } finally {
    await p.kill();
  }
}
