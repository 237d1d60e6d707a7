import { AccessTokenVerifier } from '../../../core/access-token';
import { ROLE_SCOPES } from '../../../core/principal';
import { MemberRole, SCOPES } from '../../../core/vocabulary';
import { describeEachDb } from '../../helpers/variants';
import { principal } from '../../helpers/principals';
import { startHarness, TEST_JWT_SECRET, type SubgraphHarness } from '../../helpers/subgraph-harness';
import { tenantsSubgraph } from '../../../subgraphs/tenants';
import { A, childAdminA, dataOf, errorOf, managerA, ownerA, seed } from './fixtures';

const ISSUE =
  'mutation ($id: ID!, $ttl: Int) { issueAccessToken(memberId: $id, ttlSeconds: $ttl) { token expiresAt } }';
// the harness config's defaults (JWT_ISSUER / JWT_AUDIENCE)
const verifier = new AccessTokenVerifier({
  secret: TEST_JWT_SECRET,
  issuer: 'coaching-platform',
  audience: 'coaching-api',
});

describeEachDb('access tokens (%s)', (kind) => {
  let h: SubgraphHarness;
  beforeAll(async () => {
    h = await startHarness(tenantsSubgraph, kind);
    await seed(h);
  });
  afterAll(() => h.close());

  async function issue(memberId: string, ttl?: number, caller = ownerA()) {
    return dataOf(
      await h.exec<{ issueAccessToken: { token: string; expiresAt: string } }>(caller, ISSUE, {
        id: memberId,
        ttl,
      }),
    ).issueAccessToken;
  }

  it("issues a JWT the gateway's verifier turns into the member's principal", async () => {
    const before = Date.now();
    const { token, expiresAt } = await issue(A.manager);
    expect(Date.parse(expiresAt) - before).toBeGreaterThan(3590_000);
    expect(Date.parse(expiresAt) - before).toBeLessThanOrEqual(3601_000);
    expect(await verifier.verify(token)).toEqual({
      tenantId: A.id,
      organizationId: A.id,
      organizationIds: [A.id, A.child],
      locationIds: [A.loc1],
      role: MemberRole.MANAGER,
      scopes: ROLE_SCOPES[MemberRole.MANAGER],
      subject: 'a-manager',
      agentId: undefined,
    });
  });

  it('carries the agent id of an AGENT, null locations for a root OWNER, the subtree locations for a child ADMIN', async () => {
    const agent = await verifier.verify((await issue(A.agent, 600)).token);
    expect(agent).toMatchObject({
      role: MemberRole.AGENT,
      locationIds: [A.loc1],
      agentId: expect.any(String),
      subject: 'a-agent',
    });
    const owner = await verifier.verify((await issue(A.owner)).token);
    expect(owner).toMatchObject({
      role: MemberRole.OWNER,
      locationIds: null,
      organizationIds: [A.id, A.child],
      scopes: [...SCOPES],
    });
    const childAdmin = await verifier.verify((await issue(A.childAdmin)).token);
    expect(childAdmin).toMatchObject({
      role: MemberRole.ADMIN,
      organizationId: A.child,
      organizationIds: [A.child],
      locationIds: [A.loc2],
    });
  });

  it('the issued principal works against the subgraph', async () => {
    const p = await verifier.verify((await issue(A.manager)).token);
    const res = dataOf(
      await h.exec<{ viewer: { subject: string }; locations: { id: string }[] }>(
        p,
        '{ viewer { subject } locations { id } }',
      ),
    );
    expect(res).toEqual({ viewer: { subject: 'a-manager' }, locations: [{ id: A.loc1 }] });
  });

  it.each([[0], [86_401], [-5]])('rejects ttlSeconds %p', async (ttl) => {
    const err = errorOf(await h.exec(ownerA(), ISSUE, { id: A.manager, ttl }));
    expect(err).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'ttlSeconds' } });
  });

  it('accepts the maximum ttl', async () => {
    const { expiresAt } = await issue(A.manager, 86_400);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(86_000_000);
  });

  it('never issues more than the caller holds, nor for members outside its subtree', async () => {
    // an API-key-like ADMIN without billing:write cannot mint an OWNER token
    const admin = principal({
      tenantId: A.id,
      role: MemberRole.ADMIN,
      scopes: ROLE_SCOPES[MemberRole.ADMIN],
      subject: 'apikey:x',
    });
    expect(errorOf(await h.exec(admin, ISSUE, { id: A.owner })).code).toBe('FORBIDDEN');
    expect(errorOf(await h.exec(childAdminA(), ISSUE, { id: A.manager })).code).toBe('NOT_FOUND');
    expect(errorOf(await h.exec(managerA(), ISSUE, { id: A.agent })).code).toBe('FORBIDDEN');
  });

  it('is audited', async () => {
    await issue(A.agent, 60);
    const log = dataOf(
      await h.exec<{
        auditLog: {
          edges: { node: { action: string; targetId: string; change: Record<string, unknown> } }[];
        };
      }>(ownerA(), '{ auditLog(first: 1) { edges { node { action targetId change } } } }'),
    ).auditLog.edges[0]!.node;
    expect(log).toMatchObject({
      action: 'access_token.issue',
      targetId: A.agent,
      change: { subject: 'a-agent', role: 'AGENT', ttlSeconds: 60 },
    });
    expect(JSON.stringify(log)).not.toMatch(/eyJ/);
  });
});
