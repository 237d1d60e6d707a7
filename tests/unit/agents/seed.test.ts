import { randomUUID } from 'node:crypto';
import { agentsSubgraph, Agent } from '../../../subgraphs/agents';
import { seedAgents, type SeedAgent } from '../../../subgraphs/agents/seed';
import { withTenantScope } from '../../../core/db/request-scope';
import { BadUserInputError } from '../../../core/errors';
import {
  AgentRole,
  EventTypes,
  Experience,
  Specialization,
  type EventEnvelope,
} from '../../../core/vocabulary';
import { describeEachDb } from '../../helpers/variants';
import { startHarness, type SubgraphHarness } from '../../helpers/subgraph-harness';
import { makeWorld, settleEvents, stopTestRelay } from './fixtures';

describeEachDb('seedAgents (%s)', (kind) => {
  let h: SubgraphHarness;
  const w = makeWorld();
  const received: EventEnvelope[] = [];
  const agentsA: SeedAgent[] = [
    {
      id: randomUUID(),
      locationId: w.loc1,
      name: 'Seeded One',
      email: 'one@acme.example.com',
      phone: '512 555 0111',
      role: AgentRole.BUYER_AGENT,
      experience: Experience.NOVICE,
      specializations: [Specialization.LUXURY],
      tags: ['spanish-speaking'],
    },
    {
      id: randomUUID(),
      locationId: null,
      name: 'Seeded Pool',
      email: 'pool@acme.example.com',
      phone: '+15125550112',
      role: AgentRole.TRANSACTION_COORDINATOR,
      experience: Experience.EXPERT,
      specializations: [],
      tags: [],
    },
  ];
  const agentsB: SeedAgent[] = [
    {
      id: randomUUID(),
      locationId: w.loc3,
      name: 'Seeded B',
      email: 'b@summit.example.com',
      phone: '+15125550113',
      role: AgentRole.LISTING_AGENT,
      experience: Experience.EXPERIENCED,
      specializations: [],
      tags: [],
    },
  ];

  beforeAll(async () => {
    h = await startHarness(agentsSubgraph, kind);
    await h.events.subscribe('test-seed', [EventTypes.agentUpserted], async (e) => {
      received.push(e);
    });
  });
  afterAll(async () => {
    if (h) await stopTestRelay(h);
    await h?.close();
  });

  it('creates agents per tenant through the runtime connection and publishes for each', async () => {
    const result = await seedAgents(
      h.db.orm,
      {
        tenants: [
          { tenantId: w.tenantA, agents: agentsA },
          { tenantId: w.tenantB, agents: agentsB },
        ],
      },
      h.events,
    );
    expect(result).toEqual({ created: 3, skipped: 0 });
    await settleEvents(h);
    expect(received.map((e) => [e.tenantId, (e.payload as { agentId: string }).agentId])).toEqual([
      [w.tenantA, agentsA[0]!.id],
      [w.tenantA, agentsA[1]!.id],
      [w.tenantB, agentsB[0]!.id],
    ]);
    const a = await withTenantScope(h.db.orm, w.tenantA, (em) =>
      em.find(Agent, {}, { orderBy: { name: 'asc' } }),
    );
    expect(a.map((x) => [x.name, x.phone, x.tenantId])).toEqual([
      ['Seeded One', '+15125550111', w.tenantA],
      ['Seeded Pool', '+15125550112', w.tenantA],
    ]);
    const res = await h.exec<{ agents: { totalCount: number } }>(w.ownerB, `{ agents { totalCount } }`);
    expect(res.data?.agents.totalCount).toBe(1);
  });

  it('is idempotent: existing ids are skipped and not re-published', async () => {
    await settleEvents(h);
    received.length = 0;
    const extra: SeedAgent = {
      ...agentsA[0]!,
      id: randomUUID(),
      email: 'extra@acme.example.com',
      name: 'Seeded Extra',
    };
    const result = await seedAgents(
      h.db.orm,
      { tenants: [{ tenantId: w.tenantA, agents: [...agentsA, extra] }] },
      h.events,
    );
    expect(result).toEqual({ created: 1, skipped: 2 });
    await settleEvents(h);
    expect(received.map((e) => (e.payload as { agentId: string }).agentId)).toEqual([extra.id]);
  });

  it('validates seed data like the API does', async () => {
    const bad: SeedAgent = { ...agentsA[0]!, id: randomUUID(), phone: 'not a phone' };
    await expect(
      seedAgents(h.db.orm, { tenants: [{ tenantId: w.tenantA, agents: [bad] }] }),
    ).rejects.toBeInstanceOf(BadUserInputError);
    const badRole = { ...agentsA[0]!, id: randomUUID(), role: 'SELLER' };
    await expect(
      seedAgents(h.db.orm, { tenants: [{ tenantId: w.tenantA, agents: [badRole] }] }),
    ).rejects.toMatchObject({ field: 'role' });
  });
});
