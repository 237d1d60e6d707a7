import { describeEachDb } from '../../helpers/variants';
import { startHarness, type SubgraphHarness } from '../../helpers/subgraph-harness';
import { tenantsSubgraph } from '../../../subgraphs/tenants';
import { A, agentA, childAdminA, dataOf, errorOf, managerA, ownerA, seed } from './fixtures';

const CREATE = `mutation ($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { id name vertical isRoot parentId parent { id } branding { brandName primaryColor logoUrl } createdAt }
}`;
const BRANDING = `mutation ($input: UpdateOrganizationBrandingInput!) {
  updateOrganizationBranding(input: $input) { id branding { brandName primaryColor logoUrl } }
}`;

interface Org {
  id: string;
  name: string;
  vertical: string;
  isRoot: boolean;
  parentId: string | null;
  parent: { id: string } | null;
  branding: { brandName: string | null; primaryColor: string | null; logoUrl: string | null };
}

describeEachDb('organizations (%s)', (kind) => {
  let h: SubgraphHarness;
  beforeAll(async () => {
    h = await startHarness(tenantsSubgraph, kind);
    await seed(h);
  });
  afterAll(() => h.close());

  it('builds a hierarchy with branding below the root', async () => {
    const team = dataOf(
      await h.exec<{ createOrganization: Org }>(ownerA(), CREATE, {
        input: {
          name: 'Acme Commercial',
          branding: { brandName: 'Acme C', primaryColor: '#1A2B3C', logoUrl: 'https://cdn.acme.test/c.png' },
        },
      }),
    ).createOrganization;
    expect(team).toMatchObject({
      name: 'Acme Commercial',
      vertical: 'REAL_ESTATE',
      isRoot: false,
      parentId: A.id,
      parent: { id: A.id },
      branding: { brandName: 'Acme C', primaryColor: '#1a2b3c', logoUrl: 'https://cdn.acme.test/c.png' },
    });
    const sub = dataOf(
      await h.exec<{ createOrganization: Org }>(ownerA(), CREATE, {
        input: { name: 'Acme Commercial North', parentId: team.id, vertical: 'commercial_re' },
      }),
    ).createOrganization;
    expect(sub).toMatchObject({
      parentId: team.id,
      vertical: 'COMMERCIAL_RE',
      branding: { brandName: null, primaryColor: null, logoUrl: null },
    });

    const tree = dataOf(
      await h.exec<{
        organization: { isRoot: boolean; children: { id: string; children: { id: string }[] }[] };
      }>(ownerA(), `query ($id: ID!) { organization(id: $id) { isRoot children { id children { id } } } }`, {
        id: A.id,
      }),
    ).organization;
    expect(tree.isRoot).toBe(true);
    expect(tree.children.map((c) => c.id).sort()).toEqual([A.child, team.id].sort());
    expect(tree.children.find((c) => c.id === team.id)!.children).toEqual([{ id: sub.id }]);
  });

  it.each([
    ['branding.primaryColor', { name: 'X', branding: { primaryColor: 'red' } }],
    ['branding.primaryColor', { name: 'X', branding: { primaryColor: '#12345' } }],
    ['branding.logoUrl', { name: 'X', branding: { logoUrl: 'http://insecure.test/logo.png' } }],
    ['branding.logoUrl', { name: 'X', branding: { logoUrl: 'not a url' } }],
    ['name', { name: '   ' }],
    ['vertical', { name: 'X', vertical: 'real estate!' }],
  ])('rejects a bad %s with BAD_USER_INPUT naming the field', async (field, input) => {
    const err = errorOf(await h.exec(ownerA(), CREATE, { input }));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.extensions['field']).toBe(field);
    expect(err.message).toContain(field);
  });

  it('updates branding partially: omitted fields kept, null clears', async () => {
    const set = dataOf(
      await h.exec<{ updateOrganizationBranding: Org }>(ownerA(), BRANDING, {
        input: {
          organizationId: A.child,
          branding: { brandName: 'Lux', primaryColor: '#ffffff', logoUrl: 'https://x.test/l.svg' },
        },
      }),
    ).updateOrganizationBranding;
    expect(set.branding).toEqual({
      brandName: 'Lux',
      primaryColor: '#ffffff',
      logoUrl: 'https://x.test/l.svg',
    });
    const partial = dataOf(
      await h.exec<{ updateOrganizationBranding: Org }>(ownerA(), BRANDING, {
        input: { organizationId: A.child, branding: { primaryColor: '#000000', logoUrl: null } },
      }),
    ).updateOrganizationBranding;
    expect(partial.branding).toEqual({ brandName: 'Lux', primaryColor: '#000000', logoUrl: null });
    const bad = errorOf(
      await h.exec(ownerA(), BRANDING, {
        input: { organizationId: A.child, branding: { primaryColor: '#zzzzzz' } },
      }),
    );
    expect(bad).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'branding.primaryColor' } });
  });

  it('an ADMIN of a child organization sees and manages only its subtree', async () => {
    const list = dataOf(
      await h.exec<{ organizations: { id: string }[] }>(childAdminA(), '{ organizations { id } }'),
    ).organizations;
    expect(list.map((o) => o.id)).toEqual([A.child]);
    expect(
      errorOf(await h.exec(childAdminA(), 'query ($id: ID!) { organization(id: $id) { id } }', { id: A.id }))
        .code,
    ).toBe('NOT_FOUND');
    const parentOfChild = dataOf(
      await h.exec<{ organization: { parent: unknown } }>(
        childAdminA(),
        'query ($id: ID!) { organization(id: $id) { parent { id } } }',
        { id: A.child },
      ),
    ).organization;
    expect(parentOfChild.parent).toBeNull();
    expect(
      errorOf(await h.exec(childAdminA(), CREATE, { input: { name: 'Sneaky', parentId: A.id } })).code,
    ).toBe('NOT_FOUND');
    const mine = dataOf(
      await h.exec<{ createOrganization: Org }>(childAdminA(), CREATE, { input: { name: 'Lux Team' } }),
    ).createOrganization;
    expect(mine.parentId).toBe(A.child);
    // visible right away, although the credential was issued before the org existed
    const after = dataOf(
      await h.exec<{ organizations: { id: string }[] }>(childAdminA(), '{ organizations { id } }'),
    ).organizations;
    expect(after.map((o) => o.id).sort()).toEqual([A.child, mine.id].sort());
  });

  it('MANAGER and AGENT see their organization only and cannot create organizations', async () => {
    for (const p of [managerA(), agentA()]) {
      const list = dataOf(
        await h.exec<{ organizations: { id: string }[] }>(p, '{ organizations { id } }'),
      ).organizations;
      expect(list.map((o) => o.id)).toEqual([A.id]);
      expect(errorOf(await h.exec(p, CREATE, { input: { name: 'Nope' } })).code).toBe('FORBIDDEN');
    }
  });

  it('reads need tenants:read', async () => {
    const p = { ...ownerA(), scopes: ['agents:read' as const] };
    expect(errorOf(await h.exec(p, '{ organizations { id } }')).code).toBe('FORBIDDEN');
    const viewer = dataOf(
      await h.exec<{ viewer: { subject: string; organization: unknown } }>(
        p,
        '{ viewer { subject organization { id } } }',
      ),
    ).viewer;
    expect(viewer).toEqual({ subject: 'a-owner', organization: null });
  });

  it('viewer describes the caller', async () => {
    const v = dataOf(
      await h.exec<{ viewer: Record<string, unknown> }>(
        agentA(),
        '{ viewer { subject role scopes tenantId organizationId locationIds agentId apiKeyId organization { id name } } }',
      ),
    ).viewer;
    expect(v).toMatchObject({
      subject: 'a-agent',
      role: 'AGENT',
      tenantId: A.id,
      organizationId: A.id,
      locationIds: [A.loc1],
      agentId: A.agentProfile,
      apiKeyId: null,
      organization: { id: A.id, name: 'Acme Realty' },
    });
    expect(v['scopes']).toContain('tenants:read');
  });

  it('rejects a request without a context token', async () => {
    const res = await h.exec(null, '{ organizations { id } }');
    expect(res.status).toBe(401);
  });
});
