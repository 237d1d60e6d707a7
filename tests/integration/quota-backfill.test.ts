/**
 * A deployment upgraded to coaching's own quota view: its subscriptions existed before coaching consumed
 * `billing.subscription.changed`, so coaching has no quota view for them and would treat every tenant as
 * unmetered. On start billing republishes the limit of each subscription it has no record of
 * (service/republish-limits.ts), and coaching stops every tenant exactly at its plan's limit.
 *
 * The pre-change deployment is simulated: tenants and subscriptions are created, then coaching's
 * quota_views rows and billing's published_limits rows are deleted (neither table existed before), and
 * the services restart on an event bus that never held those events (in process; with Redis, a fresh
 * stream prefix: a stream trimmed, or read by no group). With Redis Streams billing starts first, so its
 * events are published before the `coaching-quota` group exists: a group created later reads from the
 * stream's start. Restarting once more stages no event at all.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { loadConfig, type PlatformConfig } from '../../core/config';
import { CONTEXT_HEADER, ContextTokenCodec } from '../../core/context-token';
import { withTenantScope } from '../../core/db/request-scope';
import type { EventBus } from '../../core/events/event-bus';
import { makeEvent } from '../../core/events/envelope';
import { createLogger } from '../../core/logger';
import { OutboxEvent, ProcessedEvent } from '../../core/outbox';
import { AgentRole, ConversationStage, EventTypes, Experience } from '../../core/vocabulary';
import { createEventBus, migrateAll, MODULES, startService, type RunningService } from '../../bin/platform';
import { Plan, PublishedLimit, Subscription } from '../../subgraphs/billing/entities';
import { PLAN_CATALOGUE } from '../../subgraphs/billing/service/catalogue';
import { seedBilling } from '../../subgraphs/billing/seed';
import { COACHING_QUOTA_CONSUMER } from '../../subgraphs/coaching/consumers/quota-view';
import { CoachingHint, QuotaView } from '../../subgraphs/coaching/entities';
import type { CoachingRuntime } from '../../subgraphs/coaching';
import { REDIS_URL } from '../helpers/db';
import { eventually } from '../helpers/eventually';
import { createDatabase } from '../helpers/platform';
import { principal } from '../helpers/principals';
import { TEST_CONTEXT_SECRET, TEST_JWT_SECRET } from '../helpers/subgraph-harness';
import { describeEachDb } from '../helpers/variants';

const REQUEST = `mutation($s: ID!, $q: String) { requestCoaching(sessionId: $s, question: $q) { id status } }`;
const PLANS = { Q3: 3, Q5: 5, Q8: 8 } as const;
type PlanCode = keyof typeof PLANS;
/** Six tenants on three plans, and one whose subscription was canceled (its limit is 0, not "none"). */
const ACTIVE: PlanCode[] = ['Q3', 'Q5', 'Q8', 'Q3', 'Q5', 'Q8'];

interface Tenant {
  id: string;
  sessionId: string;
  plan: PlanCode;
  limit: number;
}

interface Answer {
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

interface Running {
  events: EventBus;
  billing: RunningService;
  coaching: RunningService;
}

describeEachDb('quota limits of subscriptions older than the quota view (%s)', (kind) => {
  let env: Record<string, string>;
  let run: Running | undefined;
  let dropDb: (() => Promise<void>) | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quota-backfill-'));
  const codec = new ContextTokenCodec(TEST_CONTEXT_SECRET);
  const logger = createLogger({ level: 'silent', name: 'quota-backfill' });
  const tenants: Tenant[] = [];

  const configWith = (prefix: string): PlatformConfig =>
    loadConfig({ ...env, ...(env['REDIS_URL'] ? { REDIS_PREFIX: prefix } : {}) });

  /** Starts billing and coaching on one bus; with Redis Streams billing first (see the file comment). */
  async function start(prefix: string): Promise<Running> {
    const config = configWith(prefix);
    const events = createEventBus(config, logger);
    const order = config.redisUrl ? (['billing', 'coaching'] as const) : (['coaching', 'billing'] as const);
    const started: Partial<Record<'billing' | 'coaching', RunningService>> = {};
    for (const name of order)
      started[name] = await startService(config, name, { events, logger, modules: MODULES });
    return { events, billing: started.billing!, coaching: started.coaching! };
  }

  async function stop(r: Running | undefined): Promise<void> {
    if (!r) return;
    await r.coaching.quiesce();
    await r.billing.quiesce();
    await r.events.close();
    await r.coaching.close();
    await r.billing.close();
  }

  beforeAll(async () => {
    const db = kind === 'postgres' ? await createDatabase('quota_backfill') : undefined;
    dropDb = db?.drop;
    env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      BILLING_PORT: '0',
      COACHING_PORT: '0',
      JWT_SECRET: TEST_JWT_SECRET,
      CONTEXT_SECRET: TEST_CONTEXT_SECRET,
      READ_MODEL_WAIT_MS: '1500',
      ...(db ? { DATABASE_URL: db.url } : {}),
      ...(db && REDIS_URL ? { REDIS_URL } : {}),
    };
    await migrateAll(configWith('unused'), ['billing', 'coaching']);
  }, 60_000);

  afterAll(async () => {
    await stop(run);
    await dropDb?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const inScope = <T>(svc: RunningService, t: Tenant, fn: (em: EntityManager) => Promise<T>) =>
    withTenantScope(svc.orm, t.id, fn);

  const limitOf = async (r: Running, t: Tenant) =>
    inScope(r.coaching, t, async (em) => (await em.findOne(QuotaView, { tenantId: t.id }))?.hintLimit);

  /** Per tenant (row-level security on PostgreSQL): limit events staged by billing, applied by coaching. */
  async function counts(r: Running): Promise<{ staged: number; applied: number; records: number }> {
    const per = await Promise.all(
      tenants.map(async (t) => ({
        staged: await inScope(r.billing, t, (em) =>
          em.count(OutboxEvent, { tenant: t.id, type: EventTypes.billingSubscriptionChanged }),
        ),
        records: await inScope(r.billing, t, (em) => em.count(PublishedLimit, { tenantId: t.id })),
        applied: await inScope(r.coaching, t, (em) =>
          em.count(ProcessedEvent, { tenantId: t.id, consumer: COACHING_QUOTA_CONSUMER }),
        ),
      })),
    );
    const sum = (k: 'staged' | 'applied' | 'records') => per.reduce((n, p) => n + p[k], 0);
    return { staged: sum('staged'), applied: sum('applied'), records: sum('records') };
  }

  async function ask(r: Running, t: Tenant): Promise<Answer> {
    const res = await fetch(r.coaching.subgraph.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [CONTEXT_HEADER]: await codec.sign(principal({ tenantId: t.id })),
      },
      body: JSON.stringify({
        query: REQUEST,
        variables: { s: t.sessionId, q: 'They say the price is too high. What do I say?' },
      }),
    });
    return (await res.json()) as Answer;
  }

  /** The tenant in coaching's read models (agent, session) and in billing (its subscription). */
  async function provision(r: Running, plan: PlanCode, canceled = false): Promise<Tenant> {
    const t: Tenant = { id: randomUUID(), sessionId: randomUUID(), plan, limit: canceled ? 0 : PLANS[plan] };
    const agentId = randomUUID();
    await r.events.publish(
      makeEvent(EventTypes.agentUpserted, t.id, {
        agentId,
        locationId: null,
        name: 'Bea Backfill',
        role: AgentRole.BUYER_AGENT,
        experience: Experience.NOVICE,
        specializations: [],
        tags: [],
        active: true,
      }),
    );
    await r.events.publish(
      makeEvent(EventTypes.agentSessionUpserted, t.id, {
        sessionId: t.sessionId,
        agentId,
        locationId: null,
        contactId: `contact-${t.id.slice(0, 8)}`,
        stage: ConversationStage.NEGOTIATION,
        active: true,
      }),
    );
    await seedBilling(r.billing.orm, { tenants: [{ tenantId: t.id, organizationId: t.id, planCode: plan }] });
    if (canceled) {
      await inScope(r.billing, t, (em) =>
        em.nativeUpdate(Subscription, { tenantId: t.id }, { status: 'CANCELED' as Subscription['status'] }),
      );
    }
    return t;
  }

  it('stops every tenant at its plan limit after the first start, and a second restart stages nothing', async () => {
    // The deployment before the upgrade: tenants, subscriptions, sessions.
    run = await start(`qb-${randomBytes(4).toString('hex')}`);
    await run.billing.orm.em.fork({ clear: true }).transactional(async (em) => {
      for (const [code, hintLimit] of Object.entries(PLANS)) {
        em.create(Plan, { ...PLAN_CATALOGUE[0]!, code, name: code, hintLimit, includedHints: hintLimit });
      }
    });
    tenants.push(...(await Promise.all(ACTIVE.map((p) => provision(run!, p)))));
    tenants.push(await provision(run, 'Q8', true));
    await eventually(async () => (await limitOf(run!, tenants[0]!)) !== undefined, { what: 'a quota view' });
    await eventually(async () => (await counts(run!)).applied === tenants.length, { what: 'provisioning' });
    await run.coaching.instance.stop();
    // What the upgrade finds: no quota view in coaching, no record of a published limit in billing.
    for (const t of tenants) {
      await inScope(run.coaching, t, (em) => em.nativeDelete(QuotaView, { tenantId: t.id }));
      await inScope(run.billing, t, (em) => em.nativeDelete(PublishedLimit, { tenantId: t.id }));
    }
    const before = await counts(run);
    expect(before).toEqual({ staged: tenants.length, applied: tenants.length, records: 0 });
    await stop(run);

    // First start after the upgrade, on a bus that never held the old events.
    const prefix = `qb-${randomBytes(4).toString('hex')}`;
    run = await start(prefix);
    const first = await counts(run);
    expect(first.staged - before.staged).toBe(tenants.length); // one event per subscription, staged on start
    expect(first.records).toBe(tenants.length);
    for (const t of tenants) {
      await eventually(async () => (await limitOf(run!, t)) === t.limit, { what: `quota view of ${t.id}` });
    }

    // Every tenant at once, twice its limit plus a few requests in flight: each stops exactly at its limit.
    const answers = await Promise.all(
      tenants.map((t) => Promise.all(Array.from({ length: 2 * t.limit + 3 }, () => ask(run!, t)))),
    );
    await (run.coaching.instance.runtime as CoachingRuntime).idle();
    for (const [i, t] of tenants.entries()) {
      const hints = await inScope(run.coaching, t, (em) => em.count(CoachingHint, { tenantId: t.id }));
      expect({ tenant: i, hints }).toEqual({ tenant: i, hints: t.limit });
      const refused = answers[i]!.filter((a) => a.errors);
      expect(refused.length).toBeGreaterThanOrEqual(t.limit + 3);
      for (const a of refused) expect(a.errors?.[0]?.extensions?.['code']).toBe('QUOTA_EXCEEDED');
    }
    const applied = (await counts(run)).applied;
    expect(applied - before.applied).toBe(tenants.length);
    await stop(run);

    // Second restart: every record matches its subscription, so nothing is staged, and limits still hold.
    run = await start(prefix);
    const second = await counts(run);
    expect(second.staged).toBe(first.staged);
    expect(second.records).toBe(tenants.length);
    const after = await Promise.all(tenants.map((t) => ask(run!, t)));
    for (const a of after) expect(a.errors?.[0]?.extensions?.['code']).toBe('QUOTA_EXCEEDED');
    expect((await counts(run)).applied).toBe(applied);
  }, 120_000);
});
