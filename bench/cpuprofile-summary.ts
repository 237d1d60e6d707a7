/**
 * Summarizes a V8 `.cpuprofile` (from `node --cpu-prof`, e.g. bench/agents-page.ts --cpu-prof DIR):
 *   node -r @swc-node/register bench/cpuprofile-summary.ts FILE [--top 30] [--grep TEXT] [--with-startup]
 * Prints the top functions by self time, by inclusive time (a function counted once per sample even when
 * recursive), and the self time per package (node_modules/<pkg>, node:internal, or the project's file).
 * Samples taken while modules load (start-up: a stack through `Module._load`) are left out unless
 * `--with-startup`, so a short load run is not dominated by compiling the platform.
 */
import fs from 'node:fs';
import path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const ROOT = path.resolve(__dirname, '..');

function where(url: string): string {
  if (!url) return '(native)';
  const file = url.replace(/^file:\/\//, '');
  const nm = file.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = file.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? file);
  }
  if (file.startsWith('node:')) return file;
  return path.relative(ROOT, file);
}

function label(f: CallFrame): string {
  const file = f.url ? `${where(f.url)}${f.url.includes('node_modules') ? '' : `:${f.lineNumber + 1}`}` : '';
  return `${f.functionName || '(anonymous)'} ${file}`.trim();
}

function isStartup(n: ProfileNode): boolean {
  return n.callFrame.functionName === 'Module._load' || n.callFrame.url.endsWith('run_main_module');
}

function summarize(p: Profile, top: number, grep?: string, withStartup = false): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const pkg = new Map<string, number>();
  let total = 0;
  let idle = 0;
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    const stack: ProfileNode[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (n) stack.push(n);
    }
    if (!withStartup && stack.some(isStartup)) return;
    total += dt;
    const name = node.callFrame.functionName;
    if (name === '(idle)' || name === '(program)') idle += name === '(idle)' ? dt : 0;
    const l = label(node.callFrame);
    self.set(l, (self.get(l) ?? 0) + dt);
    const w = where(node.callFrame.url) || name;
    pkg.set(w, (pkg.get(w) ?? 0) + dt);
    const seen = new Set<string>();
    for (const n of stack) {
      const k = label(n.callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
    }
  });
  const busy = total - idle;
  const rows = (m: Map<string, number>) =>
    [...m]
      .filter(([k]) => !grep || k.includes(grep))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => `| ${ms.toFixed(0)} | ${((ms / busy) * 100).toFixed(1)}% | \`${k}\` |`)
      .join('\n');
  const head = '| ms | % of busy | function |\n|---:|---:|---|';
  return [
    `profile: ${(total / 1000).toFixed(1)} s sampled, ${(busy / 1000).toFixed(1)} s busy (not idle)`,
    `\n### self time\n${head}\n${rows(self)}`,
    `\n### inclusive time\n${head}\n${rows(inclusive)}`,
    `\n### self time by package / file\n${head.replace('function', 'where')}\n${rows(pkg)}`,
  ].join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const file = args[0];
  if (!file) {
    process.stderr.write('usage: cpuprofile-summary FILE [--top N] [--grep TEXT]\n');
    process.exit(2);
  }
  const topAt = args.indexOf('--top');
  const grepAt = args.indexOf('--grep');
  const top = topAt > 0 ? Number(args[topAt + 1]) : 30;
  const grep = grepAt > 0 ? args[grepAt + 1] : undefined;
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  process.stdout.write(`${summarize(profile, top, grep, args.includes('--with-startup'))}\n`);
}

main();
