/**
 * Rejected GoHighLevel webhooks (missing or invalid signature) logged without letting the sender flood the
 * log: each rejection was one warn line (402 lines for 400 forged requests), volume an attacker controls.
 * Now the first rejection from a source (the remote address) in an interval (default one minute) is a warn
 * line; the rest of that interval are counted, and the source's next rejection after the interval first
 * writes one warn summary line with how many were not logged (`suppressed`). Every rejection counts in the
 * `ghl_webhooks_rejected_total{reason}` metric. At most `maxSources` sources are tracked apart; the rest
 * share one entry.
 */
import { Counter } from 'prom-client';
import { metrics } from '../../../core/metrics';
import type { Logger } from '../../../core/logger';

export const rejectedWebhooks = new Counter({
  name: 'ghl_webhooks_rejected_total',
  help: 'GoHighLevel webhooks rejected before anything was stored, by reason',
  labelNames: ['reason'] as const,
  registers: [metrics.registry],
});

export interface RejectionLogOptions {
  logger: Logger;
  intervalMs?: number;
  maxSources?: number;
  now?: () => number;
}

interface Window {
  start: number;
  suppressed: number;
}

export class RejectionLog {
  private readonly windows = new Map<string, Window>();
  private readonly intervalMs: number;
  private readonly maxSources: number;
  private readonly now: () => number;

  constructor(private readonly opts: RejectionLogOptions) {
    this.intervalMs = opts.intervalMs ?? 60_000;
    this.maxSources = opts.maxSources ?? 1_000;
    this.now = opts.now ?? Date.now;
  }

  /** One rejection from `source` for `reason`, with `fields` for its log line. */
  note(source: string, reason: string, message: string, fields: Record<string, unknown> = {}): void {
    rejectedWebhooks.inc({ reason });
    const key = this.windows.has(source) || this.windows.size < this.maxSources ? source : '(other sources)';
    const now = this.now();
    const w = this.windows.get(key);
    if (w && now - w.start < this.intervalMs) {
      w.suppressed += 1;
      this.opts.logger.debug({ ...fields, source: key, reason }, message);
      return;
    }
    if (w && w.suppressed > 0)
      this.opts.logger.warn(
        { source: key, reason, suppressed: w.suppressed, intervalMs: this.intervalMs },
        `${message}: ${w.suppressed} more from this source were not logged`,
      );
    this.windows.set(key, { start: now, suppressed: 0 });
    this.opts.logger.warn({ ...fields, source: key, reason }, message);
  }
}
