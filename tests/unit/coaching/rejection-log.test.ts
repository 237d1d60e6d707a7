/**
 * Rejected webhooks are logged once per source per interval, then summarised (rejection-log.ts): a flood
 * of forged GoHighLevel deliveries wrote one warn line each.
 */
import type { Logger } from '../../../core/logger';
import { RejectionLog } from '../../../subgraphs/coaching/webhooks/rejection-log';

function recorder() {
  const warns: Record<string, unknown>[] = [];
  const logger = { warn: (o: Record<string, unknown>) => warns.push(o), debug: () => undefined };
  return { warns, logger: logger as unknown as Logger };
}

describe('RejectionLog', () => {
  it('warns once per source per interval, then one summary line with the count not logged', () => {
    let now = 0;
    const { warns, logger } = recorder();
    const log = new RejectionLog({ logger, intervalMs: 60_000, now: () => now });
    for (let i = 0; i < 300; i++) log.note('10.0.0.1', 'signature', 'rejected');
    for (let i = 0; i < 100; i++) log.note('10.0.0.2', 'signature', 'rejected');
    expect(warns.map((w) => [w['source'], w['suppressed']])).toEqual([
      ['10.0.0.1', undefined],
      ['10.0.0.2', undefined],
    ]);
    now = 60_000;
    log.note('10.0.0.1', 'signature', 'rejected');
    expect(warns.slice(2).map((w) => [w['source'], w['suppressed']])).toEqual([
      ['10.0.0.1', 299],
      ['10.0.0.1', undefined],
    ]);
  });

  it('tracks at most maxSources sources apart; the rest share one entry', () => {
    const { warns, logger } = recorder();
    const log = new RejectionLog({ logger, maxSources: 3, now: () => 0 });
    for (let i = 0; i < 50; i++) log.note(`10.0.1.${i}`, 'signature', 'rejected');
    expect(warns.map((w) => w['source'])).toEqual(['10.0.1.0', '10.0.1.1', '10.0.1.2', '(other sources)']);
  });
});
