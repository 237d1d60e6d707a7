import { randomUUID } from 'node:crypto';
import { agentsSubgraph, Agent } from '../../../subgraphs/agents';
import { createAgent as createAgentService } from '../../../subgraphs/agents/service';
import { writeUnit, type AgentsContext } from '../../../subgraphs/agents/service/context';
import { stageAgentsUpserted } from '../../../subgraphs/agents/service/events';
import { NO_LOCATION_WAIT } from '../../../subgraphs/agents/service/known-locations';
import { withTenantScope } from '../../../core/db/request-scope';
import { ConflictError } from '../../../core/errors';
import { createLogger } from '../../../core/logger';
import { OutboxEvent } from '../../../core/outbox';
import type { Principal } from '../../../core/principal';
import {
  AgentRole,
  EventTypes,
  Experience,
  type AgentUpsertedPayload,
  type EventEnvelope,
} from '../../../core/vocabulary';
import type { EntityManager } from '@mikro-orm/core';
import { createTestDb, type DbKind, type TestDb } from '../../helpers/db';
import { eventually } from '../../helpers/eventually';
import { describeEachDb } from '../../helpers/variants';
import { startHarness, type SubgraphHarness } from '../../helpers/subgraph-harness';
import { createAgent, makeWorld, settleEvents, stopTestRelay, unpublishedCount } from './fixtures';

const logger = createLogger({ level: 'silent', name: 'agents-test' });

function requestCtx(principal: Principal, em: EntityManager): AgentsContext {
  return { principal, em, requestId: randomUUID(), logger, loaders: new Map(), runtime: NO_LOCATION_WAIT };
}

/** On PostgreSQL: resolves once a statement on `schema` waits for a lock held by another transaction. */
async function blockedOnLock(db: TestDb): Promise<void> {
  const conn = db.owner.em.getConnection();
  await eventually(
    async () => {
      const rows = await conn.execute<{ n: number }[]>(
        `select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like ?`,
        [`%"${db.schema}"%`],
      );
      return rows[0]!.n > 0;
    },
    { what: 'a statement blocked on a lock' },
  );
}

describeEachDb('agents events through the outbox (%s)', (kind) => {
  let h: SubgraphHarness;
  const w = makeWorld();
  const received: EventEnvelope<AgentUpsertedPayload>[] = [];
  const onReceived = new Set<() => void>();
  /** The first received event matching `match`: already here, or the moment it arrives. */
  const arrival = (match: (e: EventEnvelope<AgentUpsertedPayload>) => boolean) =>
    new Promise<EventEnvelope<AgentUpsertedPayload>>((resolve) => {
      const check = () => {
        const hit = received.find(match);
        if (!hit) return;
        onReceived.delete(check);
        resolve(hit);
      };
      onReceived.add(check);
      check();
    });

  beforeAll(async () => {
    h = await startHarness(agentsSubgraph, kind);
    await h.events.subscribe('test-outbox', [EventTypes.agentUpserted], async (e) => {
      received.push(e as EventEnvelope<AgentUpsertedPayload>);
      for (const check of [...onReceived]) check();
    });
  });
  afterAll(async () => {
    if (h) await stopTestRelay(h);
    await h?.close();
  });
  beforeEach(async () => {
    await settleEvents(h);
    received.length = 0;
  });

  it('stages the event in the outbox with the write; the relay publishes it once', async () => {
    const a = await createAgent(h, w.owner, { name: 'Staged' });
    const rows = await h.db.owner.em
      .fork()
      .find(OutboxEvent, { type: EventTypes.agentUpserted, tenant: w.tenantA });
    const row = rows.find((r) => (r.payload as AgentUpsertedPayload).agentId === a.id);
    expect(row).toBeDefined();
    await settleEvents(h);
    expect(received.map((e) => e.id)).toEqual([row!.eventId]);
    expect(received[0]).toMatchObject({ tenantId: w.tenantA, payload: { agentId: a.id, name: 'Staged' } });
    expect(await unpublishedCount(h)).toBe(0);
    await settleEvents(h);
    expect(received).toHaveLength(1);
  });

  it('the relay started by the module publishes on its own', async () => {
    const a = await createAgent(h, w.owner, { name: 'Polled' });
    const event = await arrival((e) => e.payload.agentId === a.id);
    expect(event).toMatchObject({ tenantId: w.tenantA, payload: { name: 'Polled' } });
  });

  it('a rolled-back write stages nothing, and the request can go on', async () => {
    const id = randomUUID();
    await withTenantScope(h.db.orm, w.tenantA, async (em) => {
      const ctx = requestCtx(w.owner, em);
      await expect(
        writeUnit(ctx, (tx) => {
          const now = new Date();
          const agent = tx.create(Agent, {
            id,
            tenantId: w.tenantA,
            locationId: null,
            name: 'Rolled Back',
            email: 'rolled@example.com',
            phone: null,
            ghlUserId: null,
            role: AgentRole.BUYER_AGENT,
            experience: Experience.NOVICE,
            specializations: [],
            tags: [],
            active: true,
            createdAt: now,
            updatedAt: now,
          });
          stageAgentsUpserted(tx, [agent]);
          throw new Error('boom after staging');
        }),
      ).rejects.toThrow('boom after staging');
      // same request (transaction on PostgreSQL): still usable
      await createAgentService(ctx, {
        name: 'After Rollback',
        email: 'after@example.com',
        role: AgentRole.BUYER_AGENT,
        experience: Experience.NOVICE,
      });
    });
    await settleEvents(h);
    expect(await withTenantScope(h.db.orm, w.tenantA, (em) => em.count(Agent, { id }))).toBe(0);
    const staged = await h.db.owner.em.fork().find(OutboxEvent, { tenant: w.tenantA });
    expect(staged.filter((r) => (r.payload as AgentUpsertedPayload).agentId === id)).toHaveLength(0);
    expect(received.map((e) => e.payload.name)).toEqual(['After Rollback']);
  });

  it('a unique violation from a concurrent transaction is a CONFLICT and stages nothing', async () => {
    const input = {
      name: 'Interleaved',
      email: 'interleaved@example.com',
      role: AgentRole.BUYER_AGENT,
      experience: Experience.NOVICE,
      ghlUserId: 'interleaved-1',
    };
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let flushed!: () => void;
    const firstFlushed = new Promise<void>((r) => (flushed = r));
    // the first request holds its transaction (PostgreSQL) open after writing
    const first = withTenantScope(h.db.orm, w.tenantA, async (em) => {
      await createAgentService(requestCtx(w.owner, em), input);
      flushed();
      await gate;
    });
    await firstFlushed;
    // the second one's pre-check cannot see the uncommitted row: its insert waits on the unique index
    const second = withTenantScope(h.db.orm, w.tenantA, (em) =>
      createAgentService(requestCtx(w.owner, em), { ...input, name: 'Interleaved Two' }),
    ).then(
      () => null,
      (err: unknown) => err,
    );
    // on PostgreSQL its insert must be waiting on the first transaction's row; SQLite runs them one after the other
    if (kind === 'postgres') await blockedOnLock(h.db);
    else await second;
    release();
    await first;
    const err = await second;
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).extensions).toEqual({ field: 'ghlUserId' });
    await settleEvents(h);
    expect(received.map((e) => e.payload.name)).toEqual(['Interleaved']);
  });
});

describeEachDb('agents migrations (%s)', (kind: DbKind) => {
  let db: TestDb;

  async function rows(sql: string, params: unknown[] = []): Promise<unknown[]> {
    return db.owner.em.getConnection().execute<unknown[]>(sql, params);
  }

  async function hasColumn(): Promise<boolean> {
    return kind === 'postgres'
      ? (
          await rows(
            `select 1 from information_schema.columns where table_schema = ? and table_name = 'agents' and column_name = 'ghl_user_id'`,
            [db.schema],
          )
        ).length > 0
      : (await rows(`select 1 from pragma_table_info('agents') where name = 'ghl_user_id'`)).length > 0;
  }

  async function hasTable(name: string): Promise<boolean> {
    return kind === 'postgres'
      ? (
          await rows(`select 1 from information_schema.tables where table_schema = ? and table_name = ?`, [
            db.schema,
            name,
          ])
        ).length > 0
      : (await rows(`select 1 from sqlite_master where type = 'table' and name = ?`, [name])).length > 0;
  }

  async function hasUniqueIndex(): Promise<boolean> {
    const name = 'agents_tenant_id_ghl_user_id_unique';
    return kind === 'postgres'
      ? (await rows(`select 1 from pg_indexes where schemaname = ? and indexname = ?`, [db.schema, name]))
          .length > 0
      : (await rows(`select 1 from sqlite_master where type = 'index' and name = ?`, [name])).length > 0;
  }

  /** Two agents of one tenant with the same ghlUserId: the second must be refused by the database. */
  async function duplicateIsRefused(): Promise<boolean> {
    const tenantId = randomUUID();
    const agent = (n: number) => ({
      id: randomUUID(),
      tenantId,
      locationId: null,
      name: `Migrated ${n}`,
      email: `m${n}@example.com`,
      phone: null,
      ghlUserId: 'same-ghl',
      role: AgentRole.BUYER_AGENT,
      experience: Experience.NOVICE,
      specializations: [],
      tags: [],
      active: true,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    await withTenantScope(db.owner, tenantId, async (em) => {
      em.create(Agent, agent(1));
      await em.flush();
    });
    try {
      await withTenantScope(db.owner, tenantId, async (em) => {
        em.create(Agent, agent(2));
        await em.flush();
      });
      return false;
    } catch {
      return true;
    }
  }

  beforeEach(async () => {
    db = await createTestDb(kind, 'agents', agentsSubgraph.entities, agentsSubgraph.migrations);
  });
  afterEach(async () => {
    await db?.close();
  });

  it('on a fresh database: the migration files create the column, its unique index and the outbox tables; on PostgreSQL down and up again work', async () => {
    expect(await hasColumn()).toBe(true);
    expect(await hasUniqueIndex()).toBe(true);
    expect(await hasTable('outbox_event')).toBe(true);
    expect(await hasTable('processed_event')).toBe(true);
    const migrator = db.owner.getMigrator();
    const names = agentsSubgraph.migrations.map((m) => m.name);
    expect((await migrator.getExecutedMigrations()).map((m) => m.name)).toEqual(names);
    if (kind === 'sqlite') {
      // MikroORM generates no down migrations for SQLite: reverting is refused, the schema stays
      await expect(migrator.down({ to: 0 })).rejects.toThrow('cannot be reverted');
      expect(await hasTable('agents')).toBe(true);
      return;
    }
    await migrator.down({ to: 0 });
    expect(await hasTable('agents')).toBe(false);
    expect(await hasTable('outbox_event')).toBe(false);
    await migrator.up();
    expect((await migrator.getExecutedMigrations()).map((m) => m.name)).toEqual(names);
    expect(await hasColumn()).toBe(true);
    expect(await hasUniqueIndex()).toBe(true);
    expect(await duplicateIsRefused()).toBe(true);
  });
});
