/**
 * Republishes on start the limit of every subscription billing has no record of having published as it
 * is now (PublishedLimit): one `billing.subscription.changed` per such subscription, staged through the
 * outbox with its record, in the tenant's scope.
 *
 * Why: coaching enforces the hint quota from its quota view, fed only by this event. A deployment that
 * existed before coaching consumed it has subscriptions whose limit coaching never saw (published before
 * the `coaching-quota` group existed, or into the in-process bus, which keeps nothing), and coaching
 * treats a tenant without a view as unmetered. Their records are missing, so the first start after the
 * upgrade publishes one event each. Canceled subscriptions too: their limit is 0, not "unmetered".
 *
 * Cheap on restart: the records are compared with the current payloads a page at a time (one read of
 * `PAGE` subscriptions, no write); a subscription is republished only when its digest is missing or
 * differs (a plan's limit edited in place, a payload version bump). Safe with several billing instances
 * starting at once and with plan changes in flight: each republish locks the subscription, re-reads the
 * record and stages nothing when it matches — and a repeat would be harmless anyway, as coaching applies
 * an event once and never lets an older one overwrite a newer limit.
 *
 * Where the event goes: the outbox relay publishes it right after commit. With Redis Streams a consumer
 * group created later reads its stream from the start ('0', core/events/redis-streams-event-bus.ts), so a
 * coaching started after billing still sees it; the in-process bus delivers only to groups subscribed at
 * publish time, which bin/run-platform guarantees by starting coaching before billing.
 */
import type { Orm } from '../../../core/db/orm';
import { withTenantScope } from '../../../core/db/request-scope';
import type { Logger } from '../../../core/logger';
import { inTransaction } from '../../../core/outbox';
import { Plan } from '../entities/plan';
import { PublishedLimit } from '../entities/published-limit';
import { limitRecordsPage, type LimitRecord } from './limit-records';
import {
  enqueueSubscriptionChanged,
  findSubscription,
  limitDigest,
  subscriptionChangedPayload,
} from './subscriptions';

/** Subscriptions compared per read. */
const PAGE = 500;
/** Tenants republished at once (each in its own short transaction). */
const CONCURRENCY = 4;

export interface RepublishResult {
  /** Subscriptions compared with their record. */
  scanned: number;
  /** Events staged. */
  republished: number;
}

function outdated(r: LimitRecord): boolean {
  if (r.hintLimit === null) return false; // no plan to publish a limit of (logged by the caller)
  return r.digest !== limitDigest(subscriptionChangedPayload(r.sub, { hintLimit: r.hintLimit }));
}

/** Stages the tenant's current limit unless its record already matches it (checked under the row lock). */
async function republishOne(orm: Orm, tenantId: string): Promise<boolean> {
  return withTenantScope(orm, tenantId, (scoped) =>
    inTransaction(scoped, async (em) => {
      const sub = await findSubscription(em, tenantId, { lock: true });
      if (!sub) return false;
      const plan = await em.findOne(Plan, { code: sub.planCode });
      if (!plan) return false;
      const record = await em.findOne(PublishedLimit, { tenantId }, { refresh: true });
      if (record?.digest === limitDigest(subscriptionChangedPayload(sub, plan))) return false;
      await enqueueSubscriptionChanged(em, sub, plan);
      await em.flush();
      return true;
    }),
  );
}

async function republishAll(orm: Orm, tenantIds: string[]): Promise<number> {
  let next = 0;
  let staged = 0;
  const worker = async () => {
    for (let i = next++; i < tenantIds.length; i = next++) {
      if (await republishOne(orm, tenantIds[i]!)) staged++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, tenantIds.length) }, worker));
  return staged;
}

export async function republishLimits(orm: Orm, logger: Logger): Promise<RepublishResult> {
  const result: RepublishResult = { scanned: 0, republished: 0 };
  let after: string | null = '';
  while (after !== null) {
    const page: Awaited<ReturnType<typeof limitRecordsPage>> = await limitRecordsPage(orm, after, PAGE);
    result.scanned += page.records.length;
    for (const r of page.records) {
      if (r.hintLimit === null)
        logger.warn(
          { tenantId: r.sub.tenantId, plan: r.sub.planCode },
          'subscription of an unknown plan: limit not published',
        );
    }
    result.republished += await republishAll(
      orm,
      page.records.filter(outdated).map((r) => r.sub.tenantId),
    );
    after = page.next;
  }
  if (result.republished) logger.info(result, 'republished subscription limits billing had no record of');
  return result;
}
