/**
 * Alerts as they are raised: analytics' `analytics-alert-fanout` consumer publishes each
 * `analytics.alert.raised` on the tenant's alert channel; `alertRaised` subscribers iterate it, seeing
 * what the `alerts` query would show them — scope analytics:read; a MANAGER the alerts of their locations
 * and the tenant-wide ones; an AGENT none (FORBIDDEN, as a subscription that can never send anything).
 */
import { ForbiddenError } from '../../../core/errors';
import type { Logger } from '../../../core/logger';
import { canSeeLocation, requireScope, type Principal } from '../../../core/principal';
import { AlertKind, MemberRole, type AlertRaisedPayload } from '../../../core/vocabulary';
import type { AnalyticsRuntime } from '../runtime';

/** The channel of a tenant's raised alerts (under the runtime pub/sub's prefix). */
export function alertChannel(tenantId: string): string {
  return `analytics:alerts:${tenantId}`;
}

/** What an `alertRaised` subscription's resolvers receive. */
export interface AlertFeedContext {
  principal: Principal;
  requestId: string;
  logger: Logger;
  runtime: AnalyticsRuntime;
}

/** An alert as `alertRaised` sends it (the `Alert` type's fields). */
export interface LiveAlert {
  id: string;
  kind: AlertKind;
  locationId: string | null;
  windowStart: Date;
  windowEnd: Date;
  value: number;
  threshold: number;
  raisedAt: Date;
}

function toLive(p: AlertRaisedPayload): LiveAlert {
  return {
    id: p.alertId,
    kind: p.kind as AlertKind,
    locationId: p.locationId,
    windowStart: new Date(p.windowStart),
    windowEnd: new Date(p.windowEnd),
    value: p.value,
    threshold: p.threshold,
    raisedAt: new Date(p.raisedAt),
  };
}

export function subscribeAlerts(
  ctx: AlertFeedContext,
  kind?: AlertKind | null,
): AsyncIterableIterator<LiveAlert> {
  const p = ctx.principal;
  requireScope(p, 'analytics:read');
  if (p.role === MemberRole.AGENT) throw new ForbiddenError('agents receive no alerts');
  const source = ctx.runtime.pubsub.subscribe<AlertRaisedPayload>(alertChannel(p.tenantId));
  const visible = (a: AlertRaisedPayload) => canSeeLocation(p, a.locationId) && (!kind || a.kind === kind);
  const done = async (): Promise<IteratorResult<LiveAlert>> => {
    await source.return();
    return { value: undefined, done: true };
  };
  return {
    async next(): Promise<IteratorResult<LiveAlert>> {
      for (;;) {
        const r = await source.next();
        if (r.done) return { value: undefined, done: true };
        if (visible(r.value)) return { value: toLive(r.value), done: false };
      }
    },
    return: done,
    async throw(err?: unknown): Promise<IteratorResult<LiveAlert>> {
      await done();
      throw err instanceof Error ? err : new Error(String(err));
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
