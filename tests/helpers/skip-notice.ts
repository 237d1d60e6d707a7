/**
 * jest globalSetup: says once, before the run, which suites will be reported as skipped and why (their titles
 * carry the same reason; see ./variants.ts). CI sets both variables, so nothing is skipped there.
 */
import { missing, type Needs } from './variants';

export default function skipNotice(): void {
  const absent = (['DATABASE_URL', 'REDIS_URL'] as const).filter((n: Needs) => missing([n]));
  if (absent.length === 0) return;
  const what = { DATABASE_URL: 'PostgreSQL', REDIS_URL: 'Redis' };
  console.log(
    `\n[skip] ${absent.map((n) => what[n]).join(' and ')} variants are reported as skipped: ${missing(absent)}.`,
  );
}
