/**
 * Bench options: `npm run bench -- --duration 10 --concurrency 1,32` or the same as env
 * (`BENCH_DURATION=10`). argv wins over env, env over the defaults; `--long` switches to longer defaults.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Part = 'http' | 'coaching';

export interface BenchOptions {
  parts: Part[];
  /** Seconds of each measured round, per target and concurrency level. */
  duration: number;
  /** Seconds of unmeasured load per target before its first round at a concurrency level. */
  warmup: number;
  /** Measured rounds; targets alternate inside a round so drift hits all of them alike. */
  rounds: number;
  /** Closed-loop clients (one keep-alive connection each), one run per level. */
  concurrency: number[];
  /** Agents created (besides the demo ones) so filters and searches return varied pages. */
  agents: number;
  /** Coaching sessions (one subscriber each) per coaching scenario. */
  sessions: number;
  /** Coaching turns per scenario sent one at a time (latency without queueing). */
  sequentialTurns: number;
  /** Measured coaching bursts per scenario (one LEAD turn per session each). */
  bursts: number;
  /** Spread a burst's mutations evenly over this many ms (0: all at once). */
  spreadMs: number;
  /** JSONL file of labelled conversations; its LEAD turns are the lead texts. */
  leadsFile: string;
  seed: number;
  /** Write bench/results/<date>.md and bench/results/latest.md. */
  write: boolean;
  resultsDir: string;
  /** Hard limit for the whole run; the bench aborts (non-zero exit) beyond it. */
  maxSeconds: number;
  /** Log level of the platform under test (silent keeps its logging out of the measurement). */
  logLevel: string;
  /** Run the Rust and the JS gateway each in its own process instead of inside the platform process. */
  gatewayProcess: boolean;
  /** Where the platform's temp data dir (SQLite files) is created; e.g. /dev/shm to take fsync out. */
  dataParent: string;
}

const ROOT = path.resolve(__dirname, '..');

function defaultLeadsFile(): string {
  const shared = path.resolve(ROOT, '../shared/coaching-devset.jsonl');
  return fs.existsSync(shared) ? shared : path.join(ROOT, 'tests/fixtures/coaching-train-authored.jsonl');
}

/** A bad option: reported as a message (no stack), exit code 2. */
export class OptionsError extends Error {
  override readonly name = 'OptionsError';
}

interface Spec {
  flag: string;
  env: string;
  help: string;
  apply(o: BenchOptions, value: string): void;
}

function num(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min)
    throw new OptionsError(`--${flag}: expected a number ≥ ${min}, got "${value}"`);
  return n;
}

function int(flag: string, value: string, min: number): number {
  const n = num(flag, value, min);
  if (!Number.isInteger(n)) throw new OptionsError(`--${flag}: expected an integer, got "${value}"`);
  return n;
}

const SPECS: Spec[] = [
  {
    flag: 'only',
    env: 'BENCH_ONLY',
    help: 'http | coaching (default: both)',
    apply(o, v) {
      const parts = v.split(',').map((s) => s.trim());
      for (const p of parts)
        if (p !== 'http' && p !== 'coaching') throw new OptionsError(`--only: unknown part "${p}"`);
      o.parts = parts as Part[];
    },
  },
  {
    flag: 'duration',
    env: 'BENCH_DURATION',
    help: 'seconds per measured round per target (default 5; --long 15)',
    apply: (o, v) => (o.duration = num('duration', v, 0.5)),
  },
  {
    flag: 'warmup',
    env: 'BENCH_WARMUP',
    help: 'seconds of warm-up per target and level (default 2)',
    apply: (o, v) => (o.warmup = num('warmup', v, 0)),
  },
  {
    flag: 'rounds',
    env: 'BENCH_ROUNDS',
    help: 'measured rounds, targets interleaved (default 2; --long 3)',
    apply: (o, v) => (o.rounds = int('rounds', v, 1)),
  },
  {
    flag: 'concurrency',
    env: 'BENCH_CONCURRENCY',
    help: 'comma-separated client counts (default 1,16; --long 1,16,64)',
    apply(o, v) {
      o.concurrency = v.split(',').map((s) => int('concurrency', s.trim(), 1));
    },
  },
  {
    flag: 'agents',
    env: 'BENCH_AGENTS',
    help: 'extra agents to create (default 200)',
    apply: (o, v) => (o.agents = int('agents', v, 0)),
  },
  {
    flag: 'sessions',
    env: 'BENCH_SESSIONS',
    help: 'coaching sessions = subscribers per path (default 50; --long 200)',
    apply: (o, v) => (o.sessions = int('sessions', v, 1)),
  },
  {
    flag: 'turns',
    env: 'BENCH_TURNS',
    help: 'coaching turns per path sent one at a time (default 20; --long 100; 0 = skip)',
    apply: (o, v) => (o.sequentialTurns = int('turns', v, 0)),
  },
  {
    flag: 'bursts',
    env: 'BENCH_BURSTS',
    help: 'measured coaching bursts per path (default 3; --long 10)',
    apply: (o, v) => (o.bursts = int('bursts', v, 1)),
  },
  {
    flag: 'spread',
    env: 'BENCH_SPREAD_MS',
    help: "spread a burst's mutations over this many ms (default 0 = all at once)",
    apply: (o, v) => (o.spreadMs = num('spread', v, 0)),
  },
  {
    flag: 'leads',
    env: 'BENCH_LEADS',
    help: 'JSONL conversations whose LEAD turns are sent (default ../shared/coaching-devset.jsonl)',
    apply: (o, v) => (o.leadsFile = path.resolve(v)),
  },
  {
    flag: 'seed',
    env: 'BENCH_SEED',
    help: 'seed of the variable/lead-text generator (default 1)',
    apply: (o, v) => (o.seed = int('seed', v, 0)),
  },
  {
    flag: 'max-seconds',
    env: 'BENCH_MAX_SECONDS',
    help: 'abort the whole run after this many seconds (default 600)',
    apply: (o, v) => (o.maxSeconds = num('max-seconds', v, 10)),
  },
  {
    flag: 'log-level',
    env: 'BENCH_LOG_LEVEL',
    help: 'log level of the platform under test (default silent)',
    apply: (o, v) => (o.logLevel = v),
  },
  {
    flag: 'data-dir',
    env: 'BENCH_DATA_DIR',
    help: "parent of the platform's temp data dir (default: the OS temp dir; /dev/shm = no fsync cost)",
    apply: (o, v) => (o.dataParent = path.resolve(v)),
  },
  {
    flag: 'results-dir',
    env: 'BENCH_RESULTS_DIR',
    help: 'where result files go (default bench/results)',
    apply: (o, v) => (o.resultsDir = path.resolve(v)),
  },
];

function defaults(long: boolean): BenchOptions {
  return {
    parts: ['http', 'coaching'],
    duration: long ? 15 : 5,
    warmup: 2,
    rounds: long ? 3 : 2,
    concurrency: long ? [1, 16, 64] : [1, 16],
    agents: 200,
    sessions: long ? 200 : 50,
    sequentialTurns: long ? 100 : 20,
    bursts: long ? 10 : 3,
    spreadMs: 0,
    leadsFile: defaultLeadsFile(),
    seed: 1,
    write: true,
    resultsDir: path.join(ROOT, 'bench/results'),
    maxSeconds: long ? 1800 : 600,
    logLevel: 'silent',
    dataParent: os.tmpdir(),
    gatewayProcess: false,
  };
}

export function usage(): string {
  const lines = [
    'npm run bench [-- options]   (each option also as env; argv wins)',
    '',
    '  --long                 longer defaults (BENCH_LONG=1)',
    '  --no-write             print only, write no result files (BENCH_WRITE=0)',
    '  --gateway-process      each gateway in its own process, subgraphs stay in the platform process (BENCH_GATEWAY_PROCESS=1)',
    ...SPECS.map((s) => `  --${s.flag.padEnd(20)} ${s.help} (${s.env})`),
    '  --help',
  ];
  return lines.join('\n');
}

export type ParseResult = { help: true } | { help: false; options: BenchOptions };

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): ParseResult {
  const truthy = (v: string | undefined) => v !== undefined && v !== '' && v !== '0' && v !== 'false';
  if (argv.includes('--help') || argv.includes('-h')) return { help: true };
  const o = defaults(argv.includes('--long') || truthy(env['BENCH_LONG']));
  if (env['BENCH_WRITE'] !== undefined) o.write = truthy(env['BENCH_WRITE']);
  o.gatewayProcess = truthy(env['BENCH_GATEWAY_PROCESS']);
  for (const s of SPECS) {
    const v = env[s.env];
    if (v !== undefined && v !== '') s.apply(o, v);
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--long') continue;
    if (arg === '--no-write') {
      o.write = false;
      continue;
    }
    if (arg === '--gateway-process') {
      o.gatewayProcess = true;
      continue;
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    const spec = m ? SPECS.find((s) => s.flag === m[1]) : undefined;
    if (!m || !spec) throw new OptionsError(`unknown argument "${arg}"\n\n${usage()}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new OptionsError(`--${spec.flag} needs a value`);
    spec.apply(o, value);
  }
  if (!fs.existsSync(o.leadsFile)) throw new OptionsError(`lead texts file not found: ${o.leadsFile}`);
  if (!fs.existsSync(o.dataParent)) throw new OptionsError(`--data-dir: ${o.dataParent} does not exist`);
  return { help: false, options: o };
}
