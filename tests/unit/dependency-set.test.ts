/**
 * The dependency set package-lock.json installs (what `npm ci` gives CI and production):
 * - every package in it supports the Node versions we run on and declare (package.json `engines`):
 *   the reason the `@whatwg-node/*` overrides exist (their newer lines need Node >= 22.15);
 * - every npm override has a written reason (`overridesReasons`) and no reason outlives its override;
 * - the Rust planner (@graphql-hive/router-runtime) gets the `@graphql-tools/executor` major it was
 *   built for. Forcing 2.x on it made it drop variable defaults: tests/integration/planner-conformance.
 */
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';

const ROOT = path.resolve(__dirname, '../..');
type LockEntry = { version?: string; engines?: unknown; dependencies?: Record<string, string> };
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry>;
};
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  overrides?: Record<string, unknown>;
  overridesReasons?: Record<string, string>;
};

const nodeRange = (e: unknown): string | undefined =>
  e && typeof e === 'object' && !Array.isArray(e) ? (e as { node?: string }).node : undefined;

describe('dependency set', () => {
  test('every locked package supports the running Node and the lowest Node we declare', () => {
    const ours = semver.minVersion(pkg.engines.node)!.version;
    const targets = [process.versions.node, ours];
    const unsupported = Object.entries(lock.packages)
      .filter(([where]) => where !== '')
      .flatMap(([where, entry]) => {
        const range = nodeRange(entry.engines);
        const misses = range ? targets.filter((v) => !semver.satisfies(v, range)) : [];
        return misses.length
          ? [`${where}@${entry.version} needs node ${range} (not ${misses.join(', ')})`]
          : [];
      });
    expect(unsupported).toEqual([]);
  });

  test('every override has a written reason, and every reason an override', () => {
    const overrides = Object.keys(pkg.overrides ?? {}).sort();
    const reasons = Object.entries(pkg.overridesReasons ?? {})
      .filter(([name, why]) => name !== '//' && why.trim().length > 40)
      .map(([name]) => name)
      .sort();
    expect(reasons).toEqual(overrides);
  });

  test('the Rust planner gets the @graphql-tools/executor its package asks for', () => {
    const planner = lock.packages['node_modules/@graphql-hive/router-runtime']!;
    const wanted = planner.dependencies!['@graphql-tools/executor']!;
    const installed =
      lock.packages['node_modules/@graphql-hive/router-runtime/node_modules/@graphql-tools/executor'] ??
      lock.packages['node_modules/@graphql-tools/executor']!;
    expect({
      wanted,
      installed: installed.version,
      ok: semver.satisfies(installed.version!, wanted),
    }).toEqual({
      wanted,
      installed: installed.version,
      ok: true,
    });
  });
});
