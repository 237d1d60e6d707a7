/**
 * jest globalSetup: builds the browser bundles (tools/web/build.ts) so the pages the gateway serves in tests
 * are today's sources, then says which suites will be reported as skipped and why.
 */
import { buildWeb } from '../../tools/web/build';
import skipNotice from './skip-notice';

export default async function globalSetup(): Promise<void> {
  await buildWeb();
  skipNotice();
}
