import { randomUUID } from 'node:crypto';
import { MemberRole } from '../../../core/vocabulary';
import { describeEachDb } from '../../helpers/variants';
import { startHarness, type SubgraphHarness } from '../../helpers/subgraph-harness';
import { tenantsSubgraph } from '../../../subgraphs/tenants';
import { A, B, agentA, childAdminA, dataOf, errorOf, managerA, ownerA, seed } from './fixtures';

const ADD = `mutation ($input: AddMemberInput!) { addMember(input: $input) { id organizationId userId email name role locationIds agentId } }`;
const UPDATE = `mutation ($input: UpdateMemberInput!) { updateMember(input: $input) { id email role locationIds agentId } }`;
const REMOVE = `mutation ($id: ID!) { removeMember(id: $id) }`;
const LIST = `{ members { id userId } }`;

interface MemberRow {
  id: string;
  organizationId: string;
  userId: string;
  email: string;
  role: MemberRole;
  locationIds: string[];
  agentId: string | null;
}

const newMember = (over: Record<string, unknown> = {}) => ({
  userId: `user-${randomUUID().slice(0, 8)}`,
  email: 'new.agent@acme.test',
  name: 'New Agent',
  role: MemberRole.AGENT,
  locationIds: [A.loc1],
  ...over,
});

describeEachDb('members (%s)', (kind) => {
  let h: SubgraphHarness;
  beforeAll(async () => {
    h = await startHarness(tenantsSubgraph, kind);
    await seed(h);
  });
  afterAll(() => h.close());

  it('adds, updates and removes a member', async () => {
    const agentId = randomUUID();
    const m = dataOf(
      await h.exec<{ addMember: MemberRow }>(ownerA(), ADD, {
        input: newMember({ email: 'New.Agent@Acme.TEST', agentId }),
      }),
    ).addMember;
    expect(m).toMatchObject({
      organizationId: A.id,
      email: 'new.agent@acme.test',
      role: 'AGENT',
      locationIds: [A.loc1],
      agentId,
    });
    const u = dataOf(
      await h.exec<{ updateMember: MemberRow }>(ownerA(), UPDATE, {
        input: { id: m.id, role: 'MANAGER', locationIds: [A.loc1, A.loc2], agentId: '' },
      }),
    ).updateMember;
    expect(u).toMatchObject({ role: 'MANAGER', locationIds: [A.loc1, A.loc2].sort(), agentId: null });
    expect(dataOf(await h.exec<{ removeMember: boolean }>(ownerA(), REMOVE, { id: m.id })).removeMember).toBe(
      true,
    );
    expect(errorOf(await h.exec(ownerA(), REMOVE, { id: m.id })).code).toBe('NOT_FOUND');
  });

  it.each([['not-an-email'], ['a@b'], ['two@@acme.test'], ['']])(
    'rejects email %p with BAD_USER_INPUT',
    async (email) => {
      const err = errorOf(await h.exec(ownerA(), ADD, { input: newMember({ email }) }));
      expect(err).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'email' } });
      const upd = errorOf(await h.exec(ownerA(), UPDATE, { input: { id: A.agent, email } }));
      expect(upd).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'email' } });
    },
  );

  it("rejects locations outside the member's organization", async () => {
    for (const locationIds of [[B.loc1], [randomUUID()]]) {
      const err = errorOf(await h.exec(ownerA(), ADD, { input: newMember({ locationIds }) }));
      expect(err).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'locationIds' } });
    }
    // loc1 belongs to the root, not to the child organization
    const err = errorOf(
      await h.exec(ownerA(), ADD, { input: newMember({ organizationId: A.child, locationIds: [A.loc1] }) }),
    );
    expect(err.extensions['field']).toBe('locationIds');
  });

  it('refuses a duplicate user in the tenant', async () => {
    const err = errorOf(await h.exec(ownerA(), ADD, { input: newMember({ userId: 'a-manager' }) }));
    expect(err).toMatchObject({ code: 'CONFLICT', extensions: { field: 'userId' } });
  });

  it('nobody grants more than they hold; the tenant keeps its last root OWNER', async () => {
    // an ADMIN lacks billing:write, which OWNER implies
    const err = errorOf(
      await h.exec(childAdminA(), ADD, { input: newMember({ role: 'OWNER', locationIds: [] }) }),
    );
    expect(err.code).toBe('FORBIDDEN');
    expect(errorOf(await h.exec(ownerA(), REMOVE, { id: A.owner })).code).toBe('CONFLICT');
    expect(errorOf(await h.exec(ownerA(), UPDATE, { input: { id: A.owner, role: 'ADMIN' } })).code).toBe(
      'CONFLICT',
    );
  });

  it('a child ADMIN manages members of its subtree only', async () => {
    expect(errorOf(await h.exec(childAdminA(), UPDATE, { input: { id: A.manager, name: 'X' } })).code).toBe(
      'NOT_FOUND',
    );
    const m = dataOf(
      await h.exec<{ addMember: MemberRow }>(childAdminA(), ADD, {
        input: newMember({ locationIds: [A.loc2] }),
      }),
    ).addMember;
    expect(m.organizationId).toBe(A.child);
    const seen = dataOf(await h.exec<{ members: MemberRow[] }>(childAdminA(), LIST)).members.map((x) => x.id);
    expect(seen.sort()).toEqual([A.childAdmin, m.id].sort());
  });

  it('MANAGER sees members sharing a location, AGENT sees itself; neither manages members', async () => {
    const byManager = dataOf(await h.exec<{ members: MemberRow[] }>(managerA(), LIST)).members.map(
      (x) => x.userId,
    );
    expect(byManager).toEqual(expect.arrayContaining(['a-manager', 'a-agent']));
    expect(byManager).not.toContain('a-owner');
    expect(byManager).not.toContain('a-child-admin');
    const byAgent = dataOf(await h.exec<{ members: MemberRow[] }>(agentA(), LIST)).members.map(
      (x) => x.userId,
    );
    expect(byAgent).toEqual(['a-agent']);
    for (const p of [managerA(), agentA()]) {
      expect(errorOf(await h.exec(p, ADD, { input: newMember() })).code).toBe('FORBIDDEN');
      expect(errorOf(await h.exec(p, REMOVE, { id: A.agent })).code).toBe('FORBIDDEN');
    }
  });
});
