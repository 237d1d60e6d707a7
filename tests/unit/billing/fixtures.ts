/** Billing test fixtures: a harness with a private quota store, and event builders. */
import { randomUUID } from 'node:crypto';
import { createBillingSubgraph } from '../../../subgraphs/billing';
import { MemoryQuotaGate, MemoryQuotaStore } from '../../../core/quota';
import { makeEvent } from '../../../core/events/envelope';
import {
  EventTypes,
  HintCategory,
  type EventEnvelope,
  type HintDeliveredPayload,
} from '../../../core/vocabulary';
import { startHarness, type SubgraphHarness } from '../../helpers/subgraph-harness';
import type { DbKind } from '../../helpers/db';

export interface BillingHarness extends SubgraphHarness {
  quota: MemoryQuotaGate;
}

export async function startBilling(kind: DbKind, now?: () => Date): Promise<BillingHarness> {
  const quota = new MemoryQuotaGate({ store: new MemoryQuotaStore(), now });
  const module = createBillingSubgraph({ quota, now, relayIntervalMs: 20 });
  const h = await startHarness(module, kind);
  return Object.assign(h, { quota });
}

export function hintEvent(
  tenantId: string,
  over: Partial<HintDeliveredPayload> = {},
  at: Date = new Date(),
): EventEnvelope<HintDeliveredPayload> {
  const e = makeEvent<HintDeliveredPayload>(EventTypes.coachingHintDelivered, tenantId, {
    hintId: randomUUID(),
    sessionId: randomUUID(),
    agentId: 'agent-1',
    locationId: 'loc-1',
    category: HintCategory.NEXT_STEP,
    model: 'offline',
    cached: false,
    fallback: false,
    latencyMs: 120,
    tokensIn: 300,
    tokensOut: 80,
    costMicros: 1_234,
    apiKeyId: null,
    partnerAppId: null,
    ...over,
  });
  e.at = at.toISOString();
  return e;
}

export function partnerAppEvent(
  tenantId: string,
  partnerAppId: string,
  name: string,
  revenueShareBps: number,
) {
  return makeEvent(EventTypes.tenantPartnerAppUpserted, tenantId, { partnerAppId, name, revenueShareBps });
}
