import { randomUUID } from 'node:crypto';
import { withTenantScope } from '../../../core/db/request-scope';
import { describeEachDb } from '../../helpers/variants';
import { startHarness, type SubgraphHarness } from '../../helpers/subgraph-harness';
import { tenantsSubgraph } from '../../../subgraphs/tenants';
import { A, B, dataOf, errorOf, managerA, ownerA, ownerB, seed } from './fixtures';

const ENTITIES = `query ($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Location { id name organization { id } }
    ... on Organization { id name }
  }
}`;

/** The error with the id replaced: what is left must not depend on whether the id exists elsewhere. */
function shapeOf(
  res: { errors?: { message: string; extensions?: Record<string, unknown> }[] },
  id: string,
): string {
  return JSON.stringify(res.errors).split(id).join('<id>');
}

describeEachDb('tenant isolation (%s)', (kind) => {
  let h: SubgraphHarness;
  beforeAll(async () => {
    h = await startHarness(tenantsSubgraph, kind);
    await seed(h);
  });
  afterAll(() => h.close());

  it.each([
    ['organization', 'query ($id: ID!) { organization(id: $id) { id name } }', () => A.id],
    ['location', 'query ($id: ID!) { location(id: $id) { id name } }', () => A.loc1],
    [
      'updateOrganizationBranding',
      'mutation ($id: ID!) { updateOrganizationBranding(input: { organizationId: $id, branding: { brandName: "pwned" } }) { id } }',
      () => A.id,
    ],
    [
      'updateLocation',
      'mutation ($id: ID!) { updateLocation(input: { id: $id, name: "pwned" }) { id } }',
      () => A.loc1,
    ],
    [
      'createOrganization under',
      'mutation ($id: ID!) { createOrganization(input: { name: "pwned", parentId: $id }) { id } }',
      () => A.id,
    ],
    [
      'createLocation in',
      'mutation ($id: ID!) { createLocation(input: { organizationId: $id, ghlLocationId: "pwned", name: "x", timezone: "UTC" }) { id } }',
      () => A.child,
    ],
    [
      'updateMember',
      'mutation ($id: ID!) { updateMember(input: { id: $id, name: "pwned" }) { id } }',
      () => A.owner,
    ],
    [
      'issueAccessToken for',
      'mutation ($id: ID!) { issueAccessToken(memberId: $id) { token } }',
      () => A.owner,
    ],
  ])("tenant B gets NOT_FOUND for A's %s, exactly as for a random id", async (_name, query, idOf) => {
    const id = idOf();
    const random = randomUUID();
    const theirs = await h.exec(ownerB(), query, { id });
    const missing = await h.exec(ownerB(), query, { id: random });
    expect(errorOf(theirs).code).toBe('NOT_FOUND');
    expect(theirs.data ?? null).toEqual(missing.data ?? null);
    expect(shapeOf(theirs, id)).toBe(shapeOf(missing, random));
  });

  it("A's rows are untouched by B's attempts", async () => {
    const org = dataOf(
      await h.exec<{ organization: { name: string; branding: { brandName: string | null } } }>(
        ownerA(),
        'query ($id: ID!) { organization(id: $id) { name branding { brandName } } }',
        { id: A.id },
      ),
    ).organization;
    expect(org).toEqual({ name: 'Acme Realty', branding: { brandName: null } });
    const loc = dataOf(
      await h.exec<{ location: { name: string } }>(
        ownerA(),
        'query ($id: ID!) { location(id: $id) { name } }',
        { id: A.loc1 },
      ),
    ).location;
    expect(loc.name).toBe('Austin');
  });

  it("B's lists never include A's rows", async () => {
    const res = dataOf(
      await h.exec<Record<string, { id?: string; node?: { targetId: string } }[]>>(
        ownerB(),
        '{ organizations { id } locations { id } members { id } apiKeys { id } partnerApps { id } }',
      ),
    );
    const text = JSON.stringify(res);
    for (const id of Object.values(A)) expect(text).not.toContain(id);
    expect(res['organizations']!.map((o) => o.id)).toEqual([B.id]);
    expect(res['locations']!.map((l) => l.id)).toEqual([B.loc1]);
    const audit = JSON.stringify(
      dataOf(await h.exec(ownerB(), '{ auditLog(first: 100) { edges { node { targetId actor } } } }')),
    );
    for (const id of Object.values(A)) expect(audit).not.toContain(id);
  });

  it("_entities resolves A's Location and Organization for A, null for B and for unknown ids", async () => {
    const reps = [
      { __typename: 'Location', id: A.loc1 },
      { __typename: 'Organization', id: A.child },
      { __typename: 'Location', id: randomUUID() },
    ];
    const forA = dataOf(await h.exec<{ _entities: unknown[] }>(ownerA(), ENTITIES, { reps }))._entities;
    expect(forA).toEqual([
      { id: A.loc1, name: 'Austin', organization: { id: A.id } },
      { id: A.child, name: 'Acme Luxury' },
      null,
    ]);
    const forB = dataOf(await h.exec<{ _entities: unknown[] }>(ownerB(), ENTITIES, { reps }))._entities;
    expect(forB).toEqual([null, null, null]);
    // a MANAGER of A only resolves their own location
    const forManager = dataOf(
      await h.exec<{ _entities: unknown[] }>(managerA(), ENTITIES, {
        reps: [
          { __typename: 'Location', id: A.loc1 },
          { __typename: 'Location', id: A.loc2 },
        ],
      }),
    )._entities;
    expect(forManager).toEqual([{ id: A.loc1, name: 'Austin', organization: { id: A.id } }, null]);
  });

  if (kind === 'postgres') {
    it('RLS: the runtime role sees no rows without app.tenant_id, and only its tenant with it', async () => {
      const table = (t: string) => `"${h.db.schema}"."${t}"`;
      const raw = h.db.orm.em.fork().getConnection();
      for (const t of ['organizations', 'locations', 'members', 'api_keys', 'audit_entries', 'audit_heads']) {
        expect(await raw.execute(`select * from ${table(t)}`)).toEqual([]);
      }
      const owner = await h.db.owner.em
        .fork()
        .getConnection()
        .execute<{ n: string }[]>(`select count(*) as n from ${table('organizations')}`);
      expect(Number(owner[0]!.n)).toBeGreaterThanOrEqual(3);
      const scoped: { id: string }[] = await withTenantScope(h.db.orm, B.id, (em) =>
        em
          .getConnection()
          .execute<{ id: string }[]>(
            `select id from ${table('organizations')}`,
            [],
            'all',
            em.getTransactionContext(),
          ),
      );
      expect(scoped.map((r) => r.id)).toEqual([B.id]);
    });

    it("RLS: a write for another tenant's id is rejected by the policy", async () => {
      await expect(
        withTenantScope(h.db.orm, B.id, (em) =>
          em
            .getConnection()
            .execute(
              `insert into "${h.db.schema}"."partner_apps" (id, tenant_id, name, revenue_share_bps, created_at) values (?, ?, 'x', 0, now())`,
              [randomUUID(), A.id],
              'run',
              em.getTransactionContext(),
            ),
        ),
      ).rejects.toThrow(/row-level security/);
    });
  }
});
