/**
 * Builds the browser apps under web/ with esbuild, from npm packages only (no CDN at run time): every
 * `web/<app>/main.ts` or `main.tsx` becomes `web/dist/<app>.js` (and `<app>.css` when the app imports CSS).
 * Writes `web/dist/manifest.json` with each file's size and gzipped size, and prints them as a table, so the
 * widget's size budget is measured on every build. Run by `npm install` (prepare), `npm start` (prestart),
 * `npm run build:web` and the test run's global setup; the gateway only serves what it finds.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface BuiltFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface WebManifest {
  builtAt: string;
  files: BuiltFile[];
}

export interface BuildWebOptions {
  /** Where the apps live (default: <repo>/web). */
  webDir?: string;
  /** Where bundles go (default: <webDir>/dist). */
  outDir?: string;
  minify?: boolean;
}

const REPO = path.resolve(__dirname, '..', '..');

/** The apps to build: each folder of web/ holding a main.ts or main.tsx. */
export function webEntries(webDir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const app of readdirSync(webDir, { withFileTypes: true })) {
    if (!app.isDirectory() || app.name === 'dist') continue;
    const main = ['main.tsx', 'main.ts']
      .map((f) => path.join(webDir, app.name, f))
      .find((f) => existsSync(f));
    if (main) entries[app.name] = main;
  }
  return entries;
}

export async function buildWeb(opts: BuildWebOptions = {}): Promise<WebManifest> {
  const webDir = opts.webDir ?? path.join(REPO, 'web');
  const outDir = opts.outDir ?? path.join(webDir, 'dist');
  // Built beside the old output and swapped in, so a running gateway never reads a half-written folder.
  const staging = `${outDir}.build-${process.pid}-${Date.now()}`;
  mkdirSync(staging, { recursive: true });
  const entryPoints = webEntries(webDir);
  if (Object.keys(entryPoints).length > 0) {
    await build({
      entryPoints,
      outdir: staging,
      bundle: true,
      format: 'esm',
      splitting: false,
      platform: 'browser',
      target: ['chrome110', 'firefox110', 'safari16'],
      minify: opts.minify ?? true,
      sourcemap: false,
      legalComments: 'none',
      jsx: 'automatic',
      loader: { '.svg': 'text', '.woff2': 'dataurl' },
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'error',
    });
  }
  const files = readdirSync(staging)
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .sort()
    .map((file) => {
      const bytes = readFileSync(path.join(staging, file));
      return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
    });
  const manifest: WebManifest = { builtAt: new Date().toISOString(), files };
  writeFileSync(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2));
  swapIn(staging, outDir);
  return manifest;
}

/** Replaces `outDir` by `staging`: two renames, the old folder removed after. */
function swapIn(staging: string, outDir: string): void {
  const old = `${staging}.old`;
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(staging, outDir);
  rmSync(old, { recursive: true, force: true });
}

/** The size table printed after a build. */
export function formatManifest(manifest: WebManifest): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const rows = manifest.files.map((f) => `| ${f.file} | ${kb(f.bytes)} | ${kb(f.gzipBytes)} |`);
  return ['| file | size | gzipped |', '|---|---:|---:|', ...rows].join('\n');
}

if (require.main === module) {
  buildWeb()
    .then((m) => console.log(formatManifest(m)))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
