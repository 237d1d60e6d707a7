/**
 * A real browser for page tests: Debian's Chromium (`/usr/bin/chromium`, or CHROMIUM_PATH) driven by
 * playwright-core, headless, with the flags this machine's closed network needs. Suites are declared with
 * `describeWithBrowser`: without a Chromium binary they are reported as skipped with the reason (.ci/run
 * installs it, so CI runs them). `axeScan` runs axe-core in the page; `screenshot` keeps a PNG under
 * artifacts/screenshots/ as a test artifact.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', 'artifacts', 'screenshots');

const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** `describe` when Chromium is installed, else `describe.skip` with the reason in the title. */
export function describeWithBrowser(title: string, fn: () => void): void {
  if (existsSync(CHROMIUM_PATH)) describe(title, fn);
  else describe.skip(`${title} (skipped: no Chromium at ${CHROMIUM_PATH}; apt-get install chromium)`, fn);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
}

/** Collects the page's console errors and uncaught exceptions, for tests that assert a page runs cleanly. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  return errors;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

const AXE_SOURCE = () => readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now; returns its violations, each with
 * the elements it found. `exclude` leaves out selectors the page does not own (none by default).
 */
export async function axeScan(page: Page, exclude: string[] = []): Promise<AxeViolation[]> {
  // evaluated through the DevTools protocol, not as an inline <script>: the pages' CSP forbids those
  await page.evaluate(AXE_SOURCE());
  return page.evaluate(async (excluded) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(
      { exclude: excluded.map((s) => [s]) },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
    )) as { violations: AxeViolation[] };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 200) })),
    }));
  }, exclude);
}

/** A full-page PNG at artifacts/screenshots/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
