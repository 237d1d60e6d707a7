/**
 * Suites that need PostgreSQL or Redis are always declared. When the service's URL is not set, jest reports
 * their tests as skipped, with the reason in the describe title ("… (postgres) (skipped: DATABASE_URL is not
 * set)"), instead of never creating them — so `npm test` says what it did not run. CI sets both URLs, and
 * then nothing is skipped for want of them.
 */
import { format } from 'node:util';
// type only: jest's globalSetup loads this file outside the test sandbox, where it must not load the ORM
import type { DbKind } from './db';

/** An external service a suite needs, by the environment variable that points at it. */
export type Needs = 'DATABASE_URL' | 'REDIS_URL';

const present: Record<Needs, boolean> = {
  DATABASE_URL: !!process.env['DATABASE_URL'],
  REDIS_URL: !!process.env['REDIS_URL'],
};

/** Why a suite needing `needs` cannot run here, or undefined when it can. */
export function missing(needs: readonly Needs[]): string | undefined {
  const absent = [...new Set(needs)].filter((n) => !present[n]);
  if (absent.length === 0) return undefined;
  return `${absent.join(' and ')} ${absent.length === 1 ? 'is' : 'are'} not set`;
}

/** `describe` when every service in `needs` is configured, else `describe.skip` with the reason in the title. */
export function describeNeeding(needs: readonly Needs[], title: string, fn: () => void): void {
  const reason = missing(needs);
  if (reason) describe.skip(`${title} (skipped: ${reason})`, fn);
  else describe(title, fn);
}

/** One row of describeEachVariant: its name (the title's `%s`), the services it needs, the value the body gets. */
export interface Variant<T> {
  name: string;
  needs?: readonly Needs[];
  value: T;
}

/** `describe.each` over variants; one that cannot run here is declared skipped, with the reason in its title. */
export function describeEachVariant<T>(
  variants: readonly Variant<T>[],
  title: string,
  fn: (value: T) => void,
): void {
  for (const v of variants) describeNeeding(v.needs ?? [], format(title, v.name), () => fn(v.value));
}

/**
 * `describe.each(['sqlite', 'postgres'])` whose PostgreSQL variant is reported as skipped (not left out) when
 * DATABASE_URL is unset. `title` takes the kind through `%s`, like describe.each.
 */
export function describeEachDb(title: string, fn: (kind: DbKind) => void): void {
  describeEachDbNeeding([], title, fn);
}

/** describeEachDb for suites whose every variant also needs other services (e.g. REDIS_URL). */
export function describeEachDbNeeding(
  needs: readonly Needs[],
  title: string,
  fn: (kind: DbKind) => void,
): void {
  const kinds: Variant<DbKind>[] = [
    { name: 'sqlite', needs, value: 'sqlite' },
    { name: 'postgres', needs: [...needs, 'DATABASE_URL'], value: 'postgres' },
  ];
  describeEachVariant(kinds, title, fn);
}
