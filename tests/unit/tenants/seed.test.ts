import { randomUUID } from 'node:crypto';
import { hashApiKey, looksLikeApiKey } from '../../../core/api-key';
import { BadUserInputError } from '../../../core/errors';
import { EventTypes, MemberRole, SCOPES, type EventEnvelope } from '../../../core/vocabulary';
import { describeEachDb } from '../../helpers/variants';
import { principal } from '../../helpers/principals';
import { startHarness, type SubgraphHarness } from '../../helpers/subgraph-harness';
import { tenantsSubgraph } from '../../../subgraphs/tenants';
import { seedTenants } from '../../../subgraphs/tenants/seed';
import { resolveApiKey } from '../../../subgraphs/tenants/service/api-key-resolution';
import { A, B, dataOf, ownerA, seedInput } from './fixtures';

async function waitFor(ok: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describeEachDb('seedTenants (%s)', (kind) => {
  let h: SubgraphHarness;
  beforeAll(async () => {
    h = await startHarness(tenantsSubgraph, kind);
  });
  afterAll(() => h.close());

  it('creates the tenants with an all-scopes admin key once, and skips them on re-run', async () => {
    // the subgraph's own outbox relay may publish first: both publish on the same bus
    const events: EventEnvelope[] = [];
    await h.events.subscribe(
      'test',
      [EventTypes.tenantOrganizationUpserted, EventTypes.tenantLocationUpserted],
      async (e) => {
        events.push(e);
      },
    );
    const first = await seedTenants(h.db.orm, seedInput(), h.events);
    await waitFor(() => events.length >= 6);
    expect(first.created).toEqual([A.id, B.id]);
    expect(Object.keys(first.apiKeys).sort()).toEqual([A.id, B.id].sort());
    for (const secret of Object.values(first.apiKeys)) expect(looksLikeApiKey(secret)).toBe(true);
    const p = await resolveApiKey(h.db.orm, hashApiKey(first.apiKeys[A.id]!));
    expect(p).toMatchObject({
      tenantId: A.id,
      organizationId: A.id,
      role: MemberRole.ADMIN,
      scopes: [...SCOPES],
      locationIds: null,
    });
    expect(events).toHaveLength(6);
    expect(new Set(events.map((e) => e.id)).size).toBe(6);
    expect(events.filter((e) => e.tenantId === A.id).map((e) => e.type)).toEqual([
      EventTypes.tenantOrganizationUpserted,
      EventTypes.tenantOrganizationUpserted,
      EventTypes.tenantLocationUpserted,
      EventTypes.tenantLocationUpserted,
    ]);

    const again = await seedTenants(h.db.orm, seedInput());
    expect(again).toEqual({ apiKeys: {}, created: [], skipped: [A.id, B.id] });
    const orgs = dataOf(
      await h.exec<{ organizations: { id: string }[]; members: { id: string }[] }>(
        ownerA(),
        '{ organizations { id } members { id } }',
      ),
    );
    expect(orgs.organizations).toHaveLength(2);
    expect(orgs.members).toHaveLength(4);
    const verify = dataOf(
      await h.exec<{ verifyAuditChain: { valid: boolean; checked: number } }>(
        ownerA(),
        '{ verifyAuditChain { valid checked } }',
      ),
    );
    // 2 orgs + 2 locations + 4 members + 1 key
    expect(verify.verifyAuditChain).toEqual({ valid: true, checked: 9 });
  });

  it('validates its input and writes nothing of a tenant that fails', async () => {
    const id = randomUUID();
    const bad = {
      tenants: [
        {
          id,
          name: 'Broken',
          locations: [
            {
              id: randomUUID(),
              organizationId: id,
              ghlLocationId: `ghl-${id}`,
              name: 'X',
              timezone: 'Nowhere/Land',
            },
          ],
        },
      ],
    };
    await expect(seedTenants(h.db.orm, bad)).rejects.toBeInstanceOf(BadUserInputError);
    const res = await h.exec<{ organizations: unknown[] }>(
      principal({ tenantId: id }),
      '{ organizations { id } }',
    );
    expect(dataOf(res).organizations).toEqual([]);
    const members = {
      tenants: [
        {
          id,
          name: 'Broken',
          members: [{ id: randomUUID(), userId: 'u', email: 'nope', name: 'N', role: MemberRole.AGENT }],
        },
      ],
    };
    await expect(seedTenants(h.db.orm, members)).rejects.toMatchObject({ field: 'email' });
  });
});
