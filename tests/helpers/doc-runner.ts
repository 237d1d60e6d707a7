/**
 * Runs documentation as a reader would: fenced blocks pulled out of markdown, each bash block in its own
 * `bash -c` (async, so an in-process platform keeps answering), chained by environment variables. A block
 * hands values to the next ones two ways, both visible to the reader:
 * - `export NAME=…` lines: the value the block gave NAME is kept;
 * - a comment `# sets NAME from .data.some.path[0].id`: NAME is read from the JSON the block printed.
 * Node scripts (a graphql-ws subscriber) run as child processes whose output can be waited on.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface DocBlock {
  lang: string;
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
}

/** Every fenced block (```lang … ```) of a markdown text, in order. */
export function fencedBlocks(markdown: string): DocBlock[] {
  const out: DocBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    out.push({ lang: open[1]!, code: body.join('\n'), line: start + 1 });
  }
  return out;
}

export interface Marker {
  name: string;
  path: string;
}

/** The `# sets NAME from .path` comments of a block. */
export function setsMarkers(code: string): Marker[] {
  return [...code.matchAll(/^# sets ([A-Z_][A-Z0-9_]*) from (\.\S+)\s*$/gm)].map((m) => ({
    name: m[1]!,
    path: m[2]!,
  }));
}

/** The names a block exports (`export NAME=`). */
export function exportedNames(code: string): string[] {
  return [...code.matchAll(/^export ([A-Z_][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
}

/** `.a.b[0].c` of a JSON value; undefined when any step is missing. */
export function readPath(value: unknown, p: string): unknown {
  let cur: unknown = value;
  for (const step of p.matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]/g)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur =
      step[1] !== undefined ? (cur as Record<string, unknown>)[step[1]] : (cur as unknown[])[Number(step[2])];
  }
  return cur;
}

export interface BashResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export function runBash(
  code: string,
  opts: { cwd: string; env: Record<string, string>; timeoutMs?: number },
): Promise<BashResult> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-c', code],
      { cwd: opts.cwd, env: opts.env, timeout: opts.timeoutMs ?? 30_000, maxBuffer: 4 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const exitCode = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ exitCode, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

const ENV_MARK = '__DOCS_ENV__';

/** Runs bash blocks in one folder, carrying exported and `# sets` variables from block to block. */
export class DocShell {
  readonly vars: Record<string, string> = {};

  constructor(
    readonly cwd: string,
    private readonly baseEnv: Record<string, string> = {},
  ) {}

  env(): Record<string, string> {
    return {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: os.homedir(),
      ...this.baseEnv,
      ...this.vars,
    };
  }

  /** Runs `code`; keeps what it exported; returns what it printed (without the export report). */
  async run(code: string): Promise<BashResult> {
    const names = exportedNames(code);
    const report = names.length
      ? `\nnode -e 'const o={};for(const n of process.argv.slice(1))o[n]=process.env[n];console.log("${ENV_MARK}"+JSON.stringify(o))' ${names.join(' ')}`
      : '';
    const res = await runBash(`set -e\n${code}${report}`, { cwd: this.cwd, env: this.env() });
    const lines = res.stdout.split('\n');
    const envLine = lines.find((l) => l.startsWith(ENV_MARK));
    if (envLine)
      Object.assign(this.vars, JSON.parse(envLine.slice(ENV_MARK.length)) as Record<string, string>);
    return { ...res, stdout: lines.filter((l) => !l.startsWith(ENV_MARK)).join('\n') };
  }
}

/** A Node script (ESM) run from a folder that resolves packages from `nodeModules`; its output can be awaited. */
export class NodeScript {
  readonly proc: ChildProcess;
  stdout = '';
  stderr = '';
  exited: number | null = null;
  private closed = false;
  private readonly waiters = new Set<() => void>();

  constructor(code: string, opts: { nodeModules: string; env: Record<string, string> }) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-node-'));
    fs.symlinkSync(opts.nodeModules, path.join(dir, 'node_modules'), 'dir');
    fs.writeFileSync(path.join(dir, 'example.mjs'), code);
    this.proc = spawn(process.execPath, ['example.mjs'], { cwd: dir, env: opts.env });
    const changed = () => this.waiters.forEach((w) => w());
    this.proc.stdout!.on('data', (b: Buffer) => ((this.stdout += b.toString()), changed()));
    this.proc.stderr!.on('data', (b: Buffer) => ((this.stderr += b.toString()), changed()));
    this.proc.on('exit', (c) => ((this.exited = c ?? -1), changed()));
    this.proc.on('close', () => {
      this.closed = true;
      fs.rmSync(dir, { recursive: true, force: true });
    });
  }

  /** Resolves when `predicate(stdout)` holds; rejects when the script exits first or after `timeoutMs`. */
  until(predicate: (stdout: string) => boolean, what: string, timeoutMs = 20_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (err?: Error) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        if (err) reject(err);
        else resolve();
      };
      const fail = (why: string) =>
        new Error(`${what}: ${why}\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`);
      const check = () => {
        if (predicate(this.stdout)) done();
        else if (this.exited !== null) done(fail(`the script exited with ${this.exited}`));
      };
      const timer = setTimeout(() => done(fail(`not seen within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  /** Ends the script (if still running) and resolves once its process and pipes are closed. */
  async stop(): Promise<void> {
    if (this.closed) return;
    const closed = new Promise<void>((resolve) => this.proc.once('close', () => resolve()));
    if (this.exited === null) this.proc.kill();
    await closed;
  }
}
