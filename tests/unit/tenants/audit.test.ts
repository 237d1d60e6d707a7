import { randomUUID } from 'node:crypto';
import { describeEachDb } from '../../helpers/variants';
import { principal } from '../../helpers/principals';
import { startHarness, type SubgraphHarness } from '../../helpers/subgraph-harness';
import { tenantsSubgraph } from '../../../subgraphs/tenants';
import { seedTenants } from '../../../subgraphs/tenants/seed';
import { A, B, childAdminA, dataOf, errorOf, managerA, ownerA, ownerB, seed } from './fixtures';

const VERIFY = '{ verifyAuditChain { valid checked brokenAtSeq } }';
const LOG = `query ($first: Int, $after: String) {
  auditLog(first: $first, after: $after) {
    edges { cursor node { seq actor action targetType targetId at change changeDigest prevHash hash } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Entry {
  seq: number;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  change: Record<string, unknown>;
  prevHash: string;
  hash: string;
}
interface Page {
  auditLog: {
    edges: { cursor: string; node: Entry }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describeEachDb('audit log (%s)', (kind) => {
  let h: SubgraphHarness;
  const table = () => (kind === 'postgres' ? `"${h.db.schema}"."audit_entries"` : 'audit_entries');
  const sql = (text: string, params: unknown[]) => h.db.owner.em.fork().getConnection().execute(text, params);

  async function allEntries(p = ownerA()): Promise<Entry[]> {
    return dataOf(await h.exec<Page>(p, LOG, { first: 100 })).auditLog.edges.map((e) => e.node);
  }

  beforeAll(async () => {
    h = await startHarness(tenantsSubgraph, kind);
    await seed(h);
  });
  afterAll(() => h.close());

  it('the seed and every mutation append a chained entry; failed mutations append none', async () => {
    const before = await allEntries();
    expect(before.map((e) => e.seq)).toEqual([...before.keys()].map((i) => before.length - i));
    expect(before.at(-1)).toMatchObject({
      seq: 1,
      actor: 'system:seed',
      action: 'organization.create',
      targetId: A.id,
      prevHash: '0'.repeat(64),
    });
    const org = dataOf(
      await h.exec<{ createOrganization: { id: string } }>(
        ownerA(),
        'mutation { createOrganization(input: { name: "Audit Team" }) { id } }',
      ),
    ).createOrganization;
    await h.exec(ownerA(), 'mutation { createOrganization(input: { name: "" }) { id } }');
    await h.exec(
      ownerA(),
      'mutation { createPartnerApp(input: { name: "Bad", revenueShareBps: -1 }) { id } }',
    );
    const after = await allEntries();
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toMatchObject({
      seq: before.length + 1,
      actor: 'a-owner',
      action: 'organization.create',
      targetType: 'Organization',
      targetId: org.id,
      change: { name: 'Audit Team', parentId: A.id, vertical: 'REAL_ESTATE' },
      prevHash: before[0]!.hash,
    });
    expect(dataOf(await h.exec(ownerA(), VERIFY))).toEqual({
      verifyAuditChain: { valid: true, checked: after.length, brokenAtSeq: null },
    });
  });

  it('paginates newest first with cursors', async () => {
    const all = await allEntries();
    const seen: number[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page['auditLog'] = dataOf(await h.exec<Page>(ownerA(), LOG, { first: 2, after })).auditLog;
      seen.push(...page.edges.map((e) => e.node.seq));
      expect(page.edges.length).toBeLessThanOrEqual(2);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.map((e) => e.seq));
    expect(errorOf(await h.exec(ownerA(), LOG, { first: 101 })).extensions['field']).toBe('first');
    expect(errorOf(await h.exec(ownerA(), LOG, { after: 'garbage' })).extensions['field']).toBe('after');
  });

  it('only the root OWNER/ADMIN reads the audit log', async () => {
    for (const p of [managerA(), childAdminA()]) {
      expect(errorOf(await h.exec(p, LOG, {})).code).toBe('FORBIDDEN');
      expect(errorOf(await h.exec(p, VERIFY)).code).toBe('FORBIDDEN');
    }
  });

  it('detects an edited entry at its seq, and recovers when it is restored', async () => {
    const [row] = await sql(`select action from ${table()} where tenant_id = ? and seq = 3`, [A.id]);
    await sql(`update ${table()} set action = 'organization.delete' where tenant_id = ? and seq = 3`, [A.id]);
    expect(dataOf(await h.exec(ownerA(), VERIFY))).toEqual({
      verifyAuditChain: { valid: false, checked: 3, brokenAtSeq: 3 },
    });
    await sql(`update ${table()} set action = ? where tenant_id = ? and seq = 3`, [
      (row as { action: string }).action,
      A.id,
    ]);
    expect(
      dataOf<{ verifyAuditChain: { valid: boolean } }>(await h.exec(ownerA(), VERIFY)).verifyAuditChain.valid,
    ).toBe(true);
    // the change itself is covered by its digest
    await sql(`update ${table()} set change = ? where tenant_id = ? and seq = 2`, [
      JSON.stringify({ name: 'Evil Corp' }),
      A.id,
    ]);
    expect(dataOf(await h.exec(ownerA(), VERIFY))).toEqual({
      verifyAuditChain: { valid: false, checked: 2, brokenAtSeq: 2 },
    });
    // tenant B's chain is independent
    expect(dataOf(await h.exec(ownerB(), VERIFY))).toMatchObject({
      verifyAuditChain: { valid: true, brokenAtSeq: null },
    });
  });

  it('detects a deleted entry in the middle and a truncated tail', async () => {
    const c = randomUUID();
    const d = randomUUID();
    await seedTenants(h.db.orm, {
      tenants: [
        {
          id: c,
          name: 'Gamma',
          locations: [
            { id: randomUUID(), organizationId: c, ghlLocationId: `ghl-${c}`, name: 'G', timezone: 'UTC' },
          ],
        },
        { id: d, name: 'Delta' },
      ],
    });
    const asOwner = (tenantId: string) => principal({ tenantId, subject: 'owner' });
    expect(dataOf(await h.exec(asOwner(c), VERIFY))).toEqual({
      verifyAuditChain: { valid: true, checked: 3, brokenAtSeq: null },
    });
    await sql(`delete from ${table()} where tenant_id = ? and seq = 2`, [c]);
    expect(dataOf(await h.exec(asOwner(c), VERIFY))).toMatchObject({
      verifyAuditChain: { valid: false, brokenAtSeq: 2 },
    });
    await sql(`delete from ${table()} where tenant_id = ? and seq = 2`, [d]);
    expect(dataOf(await h.exec(asOwner(d), VERIFY))).toMatchObject({
      verifyAuditChain: { valid: false, brokenAtSeq: 2 },
    });
  });

  it('concurrent mutations of one tenant keep one gapless chain', async () => {
    const owner = principal({ tenantId: B.id, subject: 'b-owner' });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        h.exec(
          owner,
          `mutation { createPartnerApp(input: { name: "App ${i}", revenueShareBps: ${i} }) { id } }`,
        ),
      ),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    const v = dataOf<{ verifyAuditChain: { valid: boolean; checked: number } }>(
      await h.exec(owner, VERIFY),
    ).verifyAuditChain;
    expect(v.valid).toBe(true);
    const entries = await allEntries(owner);
    expect(entries.filter((e) => e.action === 'partner_app.create')).toHaveLength(8);
    expect(v.checked).toBe(entries.length);
  });

  it('checks stay valid while appends are in flight, and catch an entry no head covers', async () => {
    const owner = principal({ tenantId: B.id, subject: 'b-owner' });
    // each check races appends committed between its reads (entries, then head)
    const appends = Array.from({ length: 12 }, (_, i) =>
      h.exec(
        owner,
        `mutation { createPartnerApp(input: { name: "Race ${i}", revenueShareBps: ${i} }) { id } }`,
      ),
    );
    const checks = Array.from({ length: 12 }, () =>
      h.exec<{ verifyAuditChain: { valid: boolean } }>(owner, VERIFY),
    );
    for (const r of await Promise.all(appends)) expect(r.errors).toBeUndefined();
    const verdicts = (await Promise.all(checks)).map((r) => dataOf(r).verifyAuditChain.valid);
    expect(verdicts.filter((v) => !v)).toEqual([]);
    // an entry written around the chain (past the head, head unchanged) is a break
    const last = (await allEntries(owner)).reduce((a, e) => (e.seq > a.seq ? e : a));
    await sql(
      `insert into ${table()} (id, tenant_id, seq, actor, action, target_type, target_id, at, change, change_digest, prev_hash, hash)
       select ?, tenant_id, seq + 1, actor, action, target_type, target_id, at, change, change_digest, hash, hash
       from ${table()} where tenant_id = ? and seq = ?`,
      [randomUUID(), B.id, last.seq],
    );
    expect(dataOf(await h.exec(owner, VERIFY))).toMatchObject({
      verifyAuditChain: { valid: false, brokenAtSeq: last.seq + 1 },
    });
  });
});
