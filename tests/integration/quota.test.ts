/**
 * The hint quota across billing and coaching, wired as a process wires them (bin/platform: one event bus —
 * Redis Streams with PostgreSQL + REDIS_URL — and each subgraph on its own database and port) but sharing
 * no object: billing publishes each tenant's limit (`billing.subscription.changed`), coaching enforces it
 * on its own count (in process, or Redis with REDIS_URL).
 *
 * - Tenants on different plans send many `requestCoaching` in flight together: each keeps exactly its
 *   plan's number of hints, never more, and is then answered QUOTA_EXCEEDED (remaining 0, resetsAt).
 * - A plan change is obeyed by the very next request after `changePlan` answered.
 * - While coaching serves requests, billing's database sees only billing's own consumer writing its ledger
 *   (and its outbox relay): no coaching request reads a billing table.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Knex } from '@mikro-orm/knex';
import { loadConfig, type PlatformConfig } from '../../core/config';
import { CONTEXT_HEADER, ContextTokenCodec } from '../../core/context-token';
import { withTenantScope } from '../../core/db/request-scope';
import type { EventBus } from '../../core/events/event-bus';
import { makeEvent } from '../../core/events/envelope';
import { createLogger } from '../../core/logger';
import type { Principal } from '../../core/principal';
import { AgentRole, ConversationStage, EventTypes, Experience } from '../../core/vocabulary';
import { createEventBus, migrateAll, MODULES, startService, type RunningService } from '../../bin/platform';
import { Plan } from '../../subgraphs/billing/entities/plan';
import { PLAN_CATALOGUE } from '../../subgraphs/billing/service/catalogue';
import { seedBilling } from '../../subgraphs/billing/seed';
import { CoachingHint, QuotaView } from '../../subgraphs/coaching/entities';
import type { CoachingRuntime } from '../../subgraphs/coaching';
import { REDIS_URL } from '../helpers/db';
import { eventually } from '../helpers/eventually';
import { createDatabase } from '../helpers/platform';
import { principal } from '../helpers/principals';
import { TEST_CONTEXT_SECRET, TEST_JWT_SECRET } from '../helpers/subgraph-harness';
import { describeEachDb } from '../helpers/variants';

const REQUEST = `mutation($s: ID!, $q: String) { requestCoaching(sessionId: $s, question: $q) { id status } }`;
const CHANGE_PLAN = `mutation($org: ID!, $plan: String!) {
  changePlan(input: { organizationId: $org, planCode: $plan }) { subscription { planCode } }
}`;

/** Small plans, so that spending a whole quota takes a handful of requests. */
const PLANS = { Q4: 4, Q7: 7, Q11: 11 } as const;
type PlanCode = keyof typeof PLANS;

/** Statements billing runs on its own while coaching is busy: its ledger consumer and outbox relay. */
const BILLING_OWN =
  /^\s*(begin|commit|rollback|savepoint|release|select set_config)\b|outbox_(event|claim|mark_published)|^\s*insert into \S*(processed_event|usage_records)\b/i;

interface Tenant {
  id: string;
  sessionId: string;
  plan: PlanCode;
}

interface Answer {
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describeEachDb('hint quota: billing publishes limits, coaching counts (%s)', (kind) => {
  let config: PlatformConfig;
  let events: EventBus;
  let billing: RunningService;
  let coaching: RunningService;
  let dropDb: (() => Promise<void>) | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quota-it-'));
  const codec = new ContextTokenCodec(TEST_CONTEXT_SECRET);
  const logger = createLogger({ level: 'silent', name: 'quota-it' });

  beforeAll(async () => {
    const db = kind === 'postgres' ? await createDatabase('quota') : undefined;
    dropDb = db?.drop;
    config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      BILLING_PORT: '0',
      COACHING_PORT: '0',
      JWT_SECRET: TEST_JWT_SECRET,
      CONTEXT_SECRET: TEST_CONTEXT_SECRET,
      READ_MODEL_WAIT_MS: '1500',
      ...(db ? { DATABASE_URL: db.url } : {}),
      ...(db && REDIS_URL ? { REDIS_URL, REDIS_PREFIX: `quota-${randomBytes(4).toString('hex')}` } : {}),
    });
    await migrateAll(config, ['billing', 'coaching']);
    events = createEventBus(config, logger);
    billing = await startService(config, 'billing', { events, logger, modules: MODULES });
    coaching = await startService(config, 'coaching', { events, logger, modules: MODULES });
    await billing.orm.em.fork({ clear: true }).transactional(async (em) => {
      for (const [code, hintLimit] of Object.entries(PLANS)) {
        em.create(Plan, {
          ...PLAN_CATALOGUE[0]!,
          code,
          name: `Quota ${hintLimit}`,
          hintLimit,
          includedHints: hintLimit,
        });
      }
    });
  }, 60_000);

  afterAll(async () => {
    await coaching?.quiesce();
    await billing?.quiesce();
    await events?.close();
    await coaching?.close();
    await billing?.close();
    await dropDb?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const runtime = () => coaching.instance.runtime as CoachingRuntime;

  async function exec(url: string, p: Principal, query: string, variables: Record<string, unknown>) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CONTEXT_HEADER]: await codec.sign(p) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as Answer;
  }

  const ask = (t: Tenant) =>
    exec(coaching.subgraph.url, principal({ tenantId: t.id }), REQUEST, {
      s: t.sessionId,
      q: 'They say the price is too high. What do I say?',
    });

  const limitOf = async (t: Tenant) =>
    withTenantScope(
      coaching.orm,
      t.id,
      async (em) => (await em.findOne(QuotaView, { tenantId: t.id }))?.hintLimit,
    );

  const hintsOf = (t: Tenant) => withTenantScope(coaching.orm, t.id, (em) => em.count(CoachingHint, {}));

  /** A tenant provisioned in billing on `plan` (its limit reaches coaching as an event) with one live session. */
  async function tenant(plan: PlanCode): Promise<Tenant> {
    const t: Tenant = { id: randomUUID(), sessionId: randomUUID(), plan };
    const agentId = randomUUID();
    await events.publish(
      makeEvent(EventTypes.agentUpserted, t.id, {
        agentId,
        locationId: null,
        name: 'Quinn Quota',
        role: AgentRole.BUYER_AGENT,
        experience: Experience.NOVICE,
        specializations: [],
        tags: [],
        active: true,
      }),
    );
    await events.publish(
      makeEvent(EventTypes.agentSessionUpserted, t.id, {
        sessionId: t.sessionId,
        agentId,
        locationId: null,
        contactId: `contact-${t.id.slice(0, 8)}`,
        stage: ConversationStage.NEGOTIATION,
        active: true,
      }),
    );
    await seedBilling(billing.orm, { tenants: [{ tenantId: t.id, organizationId: t.id, planCode: plan }] });
    // Provisioning is not a request: the tenant is used once coaching has learned its limit.
    await eventually(async () => (await limitOf(t)) === PLANS[plan], { what: `quota view of ${plan}` });
    return t;
  }

  /** Requests in flight together until the tenant is refused; returns the answers. */
  async function spend(t: Tenant, inFlight: number): Promise<Answer[]> {
    return Promise.all(Array.from({ length: inFlight }, () => ask(t)));
  }

  function expectExceeded(answer: Answer, periodEnd: string) {
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      remaining: 0,
      resetsAt: periodEnd,
    });
  }

  const periodEndOf = async (t: Tenant) =>
    withTenantScope(coaching.orm, t.id, async (em) =>
      (await em.findOneOrFail(QuotaView, { tenantId: t.id })).periodEnd.toISOString(),
    );

  /** Billing's statements from now on: `sql` what is not its own background work, `ledger` its ledger inserts. */
  function billingStatements(): { sql: string[]; ledger: number; stop(): void } {
    const knex = (billing.orm.em.getConnection() as unknown as { getKnex(): Knex }).getKnex();
    const seen = { sql: [] as string[], ledger: 0 };
    const onQuery = (q: { sql: string }) => {
      if (!BILLING_OWN.test(q.sql)) seen.sql.push(q.sql);
      else if (/insert into \S*usage_records/i.test(q.sql)) seen.ledger++;
    };
    knex.on('query', onQuery);
    return Object.assign(seen, { stop: () => knex.off('query', onQuery) });
  }

  it('stops each tenant exactly at its own limit, many requests of several tenants in flight together', async () => {
    const tenants = await Promise.all((['Q4', 'Q7', 'Q11', 'Q4'] as const).map((p) => tenant(p)));
    const billingSql = billingStatements();
    try {
      // Twice the limit plus a few, all at once for every tenant: a run keeps at least one hint.
      const answers = await Promise.all(tenants.map((t) => spend(t, 2 * PLANS[t.plan] + 3)));
      await runtime().idle();
      const after = await Promise.all(tenants.map((t) => ask(t)));
      for (const [i, t] of tenants.entries()) {
        const refused = answers[i]!.filter((a) => a.errors);
        expect(refused.length).toBeGreaterThan(0);
        const periodEnd = await periodEndOf(t);
        for (const a of [...refused, after[i]!]) expectExceeded(a, periodEnd);
        expect(await hintsOf(t)).toBe(PLANS[t.plan]);
      }
      expect(billingSql.sql).toEqual([]);
      expect(billingSql.ledger).toBeGreaterThan(0); // billing did see the hints: through its consumer
    } finally {
      billingSql.stop();
    }
  }, 60_000);

  it('obeys a plan change on the very next request after changePlan answered', async () => {
    const t = await tenant('Q4');
    const owner = principal({ tenantId: t.id });
    await spend(t, 8);
    await runtime().idle();
    expect(await hintsOf(t)).toBe(4);
    expectExceeded(await ask(t), await periodEndOf(t));

    const changed = await exec(billing.subgraph.url, owner, CHANGE_PLAN, { org: t.id, plan: 'Q11' });
    expect(changed.errors).toBeUndefined();
    const next = await ask(t);
    expect(next.errors).toBeUndefined();
    await spend(t, 14);
    await runtime().idle();
    expect(await hintsOf(t)).toBe(11);
    expectExceeded(await ask(t), await periodEndOf(t));
  }, 60_000);
});
