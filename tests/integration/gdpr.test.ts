/**
 * GDPR export and erasure through the real gateway, both demo tenants at once, with the model on (the fake
 * Anthropic server), so the response cache holds entries too:
 *   - every contact has a session whose context names it, and a lead message with its name, email, phone and
 *     a phrase of its own, and a GoHighLevel message saying the same (its raw body is kept in coaching's
 *     webhook inbox); the model coached both (hints, qualification, memory, cached answers);
 *   - acme erases contacts 0–2 and summit contacts 3–5 — the SAME contact ids exist in the other tenant — while
 *     every contact of both tenants is exported, all in flight together;
 *   - each erasure completes in every subgraph (contactErasure waits, bounded); then every table of every
 *     subgraph's database (SQLite files, or PostgreSQL schemas read as the owner) and the cache (in-process or
 *     Redis, streams included) are scanned for each contact's name, email, phone and phrase: 0 hits for an
 *     erased contact, hits still there for the other tenant's contact with the same id;
 *   - billing aggregates (hints, tokens) are unchanged; the audit chain holds the exports, requests and each
 *     subgraph's completion, changes made in other subgraphs (analytics settings, memory retention) reach it by event, and it
 *     still verifies.
 */
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { DEMO, demoAgents } from '../../bin/demo-plan';
import { GENERIC_HINTS, start as startFakeAnthropic, type FakeAnthropic } from '../fixtures/fake-anthropic';
import type { CoachingRuntime } from '../../subgraphs/coaching/runtime';
import { eventually } from '../helpers/eventually';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { cacheText, databaseText } from '../helpers/stored-text';
import { describeEachDb } from '../helpers/variants';

type Tenant = 'acme' | 'summit';
const TENANTS: Tenant[] = ['acme', 'summit'];
const CONTACTS = 6;
const ERASED: Record<Tenant, number[]> = { acme: [0, 1, 2], summit: [3, 4, 5] };

const START = `mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }`;
const ADD_TURN = `mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }`;
const EXPORT = `mutation ($c: ID!) { exportContactData(contactId: $c) {
  contactId exportedAt
  sessions { id context } turns { text } hints { id text rationale nextBestAction feedbackComment tokensIn costMicros } qualifications { score }
  coachingRecords { table rows } opportunities { opportunityId status } erasures { id completedAt } } }`;
const ERASE = `mutation ($c: ID!) { eraseContact(contactId: $c) { id contactId parts { subgraph erasedAt } } }`;
const STATUS = `query ($id: ID!) { contactErasure(id: $id, waitSeconds: 20) {
  id completedAt parts { subgraph erasedAt erased } } }`;
const RATE = `mutation ($hintId: ID!, $verdict: HintVerdict!, $comment: String) { rateHint(hintId: $hintId, verdict: $verdict, comment: $comment) { id } }`;
const RETENTION = `mutation ($days: Int!) { setMemoryRetention(days: $days) { days } }`;
const CREATE_KEY = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;
const UPDATE_AGENT = `mutation ($id: ID!, $input: UpdateAgentInput!) { updateAgent(id: $id, input: $input) { id } }`;
const PENDING = `{ ghlWebhookDeliveries(first: 200, status: PENDING) { webhookId } }`;
const USAGE = `query ($id: ID!) { organization(id: $id) { billing { usage { hintsUsed tokensUsed } } } }`;
const VIEWER = `{ viewer { tenantId subject } }`;
const AUDIT = `{ auditLog(first: 100) { edges { node { seq actor action targetId change } } } verifyAuditChain { valid checked brokenAtSeq } }`;
const SETTINGS = `mutation ($input: AnalyticsSettingsInput!) { updateAnalyticsSettings(input: $input) { p95LatencyThresholdMs } }`;

const SURNAMES = ['Vexworth', 'Quillfeather', 'Brackenbury', 'Thistlewood', 'Marchbanks', 'Pemberton'];

interface Identity {
  tenant: Tenant;
  contactId: string;
  name: string;
  email: string;
  phone: string;
  phrase: string;
}

function identity(tenant: Tenant, i: number): Identity {
  const t = tenant === 'acme' ? 1 : 2;
  return {
    tenant,
    contactId: `gdpr-contact-${i}`,
    name: `${tenant === 'acme' ? 'Ottoline' : 'Perpetua'} ${SURNAMES[i]}`,
    email: `ottoline.${tenant}${i}@example.org`,
    phone: `(512) 555-0${t}${i}7`,
    phrase: `cobalt sunroom ${tenant} ${i}`,
  };
}

/** What identifies a contact, as it would appear in stored text. */
const needles = (c: Identity) => [c.name, c.email, c.phone.slice(-8), c.phrase];

type Errors = { message: string; extensions?: Record<string, unknown> }[] | undefined;
function ok<T>(res: { data?: T; errors?: Errors }): T {
  if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

/** The response-cache entries each session's runs wrote, from its `gdpr-keys:<tenant>:<session>` list. */
function sessionEntries(cache: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of cache) {
    const m = /gdpr-keys:[^:]+:(\S+) (\[.*\])$/.exec(line);
    if (m) out.set(m[1]!, JSON.parse(m[2]!) as string[]);
  }
  return out;
}

const hits = (haystack: string[], c: Identity) =>
  haystack.filter((line) => needles(c).some((n) => line.toLowerCase().includes(n.toLowerCase())));

describeEachDb('GDPR export and erasure across subgraphs through the gateway (%s)', (kind) => {
  let t: TestPlatform;
  let fake: FakeAnthropic;
  const key = (tenant: Tenant) => ({ 'x-api-key': t.apiKeys[tenant] });
  const tenantIds = {} as Record<Tenant, string>;
  const subjects = {} as Record<Tenant, string>;
  const contacts = TENANTS.flatMap((tenant) =>
    Array.from({ length: CONTACTS }, (_, i) => identity(tenant, i)),
  );
  const erased = (c: Identity) => ERASED[c.tenant].includes(Number(c.contactId.split('-').pop()));

  const ghl = generateKeyPairSync('ed25519');
  const lane = (tenant: Tenant) => {
    const agent = demoAgents(tenant)[0]!;
    const location =
      DEMO[tenant].locations.find((l) => l.id === agent.locationId) ?? DEMO[tenant].locations[0];
    return { agentId: agent.id, ghlLocationId: location.ghlLocationId, ghlUserId: `gdpr-ghl-${tenant}` };
  };
  /** A GoHighLevel InboundMessage for the tenant's first agent, signed as GoHighLevel signs it. */
  const postGhl = async (tenant: Tenant, contactId: string, text: string): Promise<number> => {
    const { ghlLocationId, ghlUserId } = lane(tenant);
    return postSigned({
      type: 'InboundMessage',
      webhookId: randomUUID(),
      timestamp: new Date().toISOString(),
      locationId: ghlLocationId,
      contactId,
      userId: ghlUserId,
      conversationId: `conv-${tenant}-${contactId}`,
      messageId: `msg-${randomUUID()}`,
      messageType: 'SMS',
      body: text,
    });
  };
  /** The contact's deal was won on GoHighLevel (analytics records it for outcome attribution). */
  const postWon = (c: Identity): Promise<number> =>
    postSigned({
      type: 'OpportunityStatusUpdate',
      webhookId: randomUUID(),
      timestamp: new Date().toISOString(),
      locationId: lane(c.tenant).ghlLocationId,
      id: `opp-${c.tenant}-${c.contactId}`,
      contactId: c.contactId,
      status: 'won',
      monetaryValue: 450000,
    });
  const postSigned = async (body: Record<string, unknown>): Promise<number> => {
    const raw = Buffer.from(JSON.stringify(body));
    const res = await fetch(new URL('/webhooks/ghl', t.url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-ghl-signature': sign(null, raw, ghl.privateKey).toString('base64'),
      },
      body: new Uint8Array(raw),
    });
    return res.status;
  };
  const pending = async (tenant: Tenant) =>
    ok(await t.gql<{ ghlWebhookDeliveries: unknown[] }>(PENDING, {}, key(tenant))).ghlWebhookDeliveries
      .length;

  beforeAll(async () => {
    fake = await startFakeAnthropic();
    fake.setDefault({ hints: GENERIC_HINTS.slice(0, 1) });
    const pem = ghl.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    t = await startTestPlatform(kind, {
      ANTHROPIC_API_KEY: 'sk-test',
      ANTHROPIC_BASE_URL: fake.url,
      COACH_MODEL_WHEN_CONFIDENCE_BELOW: '1', // every live turn to the (fake) model: this test is about that path
      GHL_ED25519_PUBLIC_KEY: pem,
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    for (const tenant of TENANTS) {
      const v = ok(await t.gql<{ viewer: { tenantId: string; subject: string } }>(VIEWER, {}, key(tenant)));
      tenantIds[tenant] = v.viewer.tenantId;
      subjects[tenant] = v.viewer.subject;
    }
    // every contact of both tenants: a session naming it, a lead message identifying it, coached by the model
    await Promise.all(
      contacts.map(async (c, n) => {
        const agent = demoAgents(c.tenant)[n % demoAgents(c.tenant).length]!;
        const context = { contactName: c.name, contactEmail: c.email, contactPhone: c.phone };
        const input = { agentId: agent.id, contactId: c.contactId, channel: 'SMS', context };
        const { startAgentSession } = ok(
          await t.gql<{ startAgentSession: { id: string } }>(START, { input }, key(c.tenant)),
        );
        const text = `Hi, I'm ${c.name}. Email me at ${c.email} or call ${c.phone}. The ${c.phrase} sold us: we want 3 bedrooms in Austin around $450,000.`;
        ok(
          await t.gql(
            ADD_TURN,
            { input: { sessionId: startAgentSession.id, speaker: 'LEAD', text } },
            key(c.tenant),
          ),
        );
      }),
    );
    // each tenant's first agent answers on GoHighLevel; coaching learns the agent's GHL user id by event
    for (const tenant of TENANTS) {
      const { agentId, ghlUserId } = lane(tenant);
      ok(await t.gql(UPDATE_AGENT, { id: agentId, input: { ghlUserId } }, key(tenant)));
      await eventually(
        async () => {
          const probe = `probe-${randomUUID().slice(0, 8)}`;
          expect(await postGhl(tenant, probe, 'probe')).toBe(202);
          await eventually(async () => (await pending(tenant)) === 0, {
            timeoutMs: 20_000,
            what: 'the probe',
          });
          expect(
            ok(await t.gql<Export>(EXPORT, { c: probe }, key(tenant))).exportContactData.turns.length,
          ).toBe(1);
        },
        { timeoutMs: 60_000, intervalMs: 200, what: `coaching to know ${ghlUserId}` },
      );
    }
    // and every contact writes on GoHighLevel too
    await Promise.all(
      contacts.map(async (c) => {
        const text = `${c.name} here again, ${c.email}, ${c.phone}: still dreaming of the ${c.phrase}.`;
        expect(await postGhl(c.tenant, c.contactId, text)).toBe(202);
        expect(await postWon(c)).toBe(202);
      }),
    );
    for (const tenant of TENANTS)
      await eventually(async () => (await pending(tenant)) === 0, {
        timeoutMs: 30_000,
        what: 'the deliveries',
      });
    await (t.platform.services.coaching.instance.runtime as CoachingRuntime).idle();
  }, 180_000);

  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  type Export = {
    exportContactData: {
      contactId: string;
      sessions: { id: string; context: Record<string, unknown> }[];
      turns: { text: string }[];
      hints: {
        id: string;
        text: string;
        rationale: string;
        nextBestAction: string;
        feedbackComment: string | null;
        tokensIn: number;
        costMicros: number;
      }[];
      qualifications: { score: number }[];
      coachingRecords: { table: string; rows: Record<string, unknown>[] }[];
      opportunities: { opportunityId: string; status: string }[];
      erasures: { id: string; completedAt: string | null }[];
    };
  };
  const exportOf = async (c: Identity) =>
    ok(await t.gql<Export>(EXPORT, { c: c.contactId }, key(c.tenant))).exportContactData;
  const usage = async (tenant: Tenant) =>
    ok(
      await t.gql<{ organization: { billing: { usage: { hintsUsed: number; tokensUsed: number } } } }>(
        USAGE,
        { id: tenantIds[tenant] },
        key(tenant),
      ),
    ).organization.billing.usage;

  it('exports, erases in every subgraph, leaves nothing identifying, keeps billing and the other tenant', async () => {
    // before: each contact's bundle is complete, and the scan sees every contact somewhere
    const figures = new Map<Identity, string>();
    const sessionsBefore = new Map<Identity, string[]>();
    const figuresOf = (e: Export['exportContactData']) =>
      JSON.stringify(e.hints.map((h) => [h.tokensIn, h.costMicros]));
    for (const c of contacts) {
      const e = await eventually(
        async () => {
          const x = await exportOf(c);
          expect(x.hints.length).toBeGreaterThan(0);
          expect(x.opportunities.length).toBe(1); // analytics applied the won deal
          return x;
        },
        { what: `hints of ${c.tenant} ${c.contactId}`, timeoutMs: 20_000 },
      );
      expect(e.sessions[0]!.context['contactName']).toBe(c.name);
      expect(e.turns.map((x) => x.text).join(' ')).toContain(c.phrase);
      expect(e.qualifications.length).toBeGreaterThan(0);
      expect(e.opportunities).toEqual([{ opportunityId: `opp-${c.tenant}-${c.contactId}`, status: 'won' }]);
      const inbox = e.coachingRecords.find((r) => r.table === 'ghl_webhook_deliveries')!;
      expect(inbox.rows.map((r) => String(r['body'])).join(' ')).toContain(c.phrase);
      figures.set(c, figuresOf(e));
      sessionsBefore.set(
        c,
        e.sessions.map((x) => x.id),
      );
      // the agent rates the hint with a comment that names the lead
      const comment = `${c.name.split(' ')[0]} liked this, ${c.phrase}`;
      ok(await t.gql(RATE, { hintId: e.hints[0]!.id, verdict: 'ACCEPTED', comment }, key(c.tenant)));
    }
    const before = { db: await databaseText(t), cache: await cacheText(t) };
    for (const c of contacts) expect(hits(before.db, c).length).toBeGreaterThan(0);
    const cacheEntriesBefore = before.cache.filter((l) => l.includes('"hints"')).length;
    const usageBefore = { acme: await usage('acme'), summit: await usage('summit') };

    // erasures and exports of both tenants in flight together
    const t0 = performance.now();
    const results = await Promise.all(
      contacts.map(async (c) => {
        const exported = exportOf(c);
        if (!erased(c)) return { c, exported: await exported, erasure: null };
        const res = ok(
          await t.gql<{
            eraseContact: { id: string; parts: { subgraph: string; erasedAt: string | null }[] };
          }>(ERASE, { c: c.contactId }, key(c.tenant)),
        );
        expect(res.eraseContact.parts.map((p) => p.subgraph).sort()).toEqual(['agents', 'coaching']);
        const status = ok(
          await t.gql<{
            contactErasure: {
              completedAt: string | null;
              parts: { subgraph: string; erasedAt: string | null; erased: Record<string, number> }[];
            };
          }>(STATUS, { id: res.eraseContact.id }, key(c.tenant)),
        ).contactErasure;
        return { c, exported: await exported, erasure: status };
      }),
    );
    const ms = Math.round(performance.now() - t0);
    for (const r of results) {
      if (!r.erasure) continue;
      expect(r.erasure.completedAt).not.toBeNull();
      const bySubgraph = Object.fromEntries(r.erasure.parts.map((p) => [p.subgraph, p.erased]));
      expect(bySubgraph['agents']!['agent_sessions']).toBeGreaterThan(0);
      expect(bySubgraph['coaching']!['conversation_turns']).toBeGreaterThanOrEqual(2);
      expect(bySubgraph['coaching']!['ghl_webhook_deliveries']).toBe(2); // the message and the won deal
      expect(bySubgraph['coaching']!['coaching_hints']).toBeGreaterThan(0);
    }
    await (t.platform.services.coaching.instance.runtime as CoachingRuntime).idle();

    // after: nothing identifying about an erased contact anywhere; the other tenant's same ids untouched
    const after = { db: await databaseText(t), cache: await cacheText(t) };
    const leftover = contacts.filter(erased).flatMap((c) => [...hits(after.db, c), ...hits(after.cache, c)]);
    expect(leftover).toEqual([]);
    for (const c of contacts.filter((x) => !erased(x)))
      expect(hits(after.db, c).length).toBe(hits(before.db, c).length);
    const cacheEntriesAfter = after.cache.filter((l) => l.includes('"hints"')).length;
    // the cached answers made from an erased contact's sessions are gone; every other answer stays
    const listed = sessionEntries(before.cache);
    const dropped = [...sessionsBefore.entries()]
      .filter(([c]) => erased(c))
      .flatMap(([, ids]) => ids.flatMap((id) => listed.get(id) ?? []));
    expect(dropped.length).toBeGreaterThanOrEqual(contacts.filter(erased).length * 2);
    const answerKeys = (lines: string[]) =>
      lines.filter((l) => l.includes('"hints"')).map((l) => l.split(' ')[0]!);
    const stillThere = answerKeys(after.cache);
    expect(stillThere.filter((k) => dropped.some((d) => k.endsWith(d)))).toEqual([]);
    expect(stillThere.length).toBe(answerKeys(before.cache).length - dropped.length);
    // and the model never saw a name, email or phone (redacted before the call)
    const sent = fake.receivedText();
    expect(
      contacts
        .flatMap((c) => [c.name, ...c.name.split(' '), c.email, c.phone.slice(-8)])
        .filter((n) => sent.includes(n)),
    ).toEqual([]);
    expect(sent).toContain('[NAME_1]');

    for (const c of contacts) {
      const e = await exportOf(c);
      if (erased(c)) {
        expect(e.turns).toEqual([]);
        expect(e.qualifications).toEqual([]);
        expect(new Set(e.sessions.map((s) => JSON.stringify(s.context)))).toEqual(new Set(['{}']));
        expect(new Set(e.hints.flatMap((h) => [h.text, h.rationale, h.nextBestAction]))).toEqual(
          new Set(['[erased]']),
        );
        expect(e.hints.map((h) => h.feedbackComment)).toEqual(e.hints.map(() => null));
        expect(figuresOf(e)).toBe(figures.get(c)); // the figures billing and analytics rely on stay
        expect(e.erasures[0]!.completedAt).not.toBeNull();
      } else {
        expect(e.turns.map((x) => x.text).join(' ')).toContain(c.phrase);
        expect(e.sessions[0]!.context['contactName']).toBe(c.name);
        expect(e.erasures).toEqual([]);
      }
    }
    // billing aggregates are unchanged
    expect({ acme: await usage('acme'), summit: await usage('summit') }).toEqual(usageBefore);
    process.stdout.write(
      `[gdpr ${kind}] ${results.filter((r) => r.erasure).length} erasures + ${results.length} exports in flight: ${ms} ms until all complete; ` +
        `rows scanned ${before.db.length} → ${after.db.length}, cache values ${before.cache.length} → ${after.cache.length} ` +
        `(answers ${cacheEntriesBefore} → ${cacheEntriesAfter}); hits of erased contacts after: ${leftover.length}\n`,
    );
  }, 120_000);

  it('lets only a tenants:admin credential export, erase or read an erasure', async () => {
    const created = ok(
      await t.gql<{ createApiKey: { secret: string } }>(
        CREATE_KEY,
        { input: { name: 'coaching only', scopes: ['coaching:read', 'coaching:write', 'agents:read'] } },
        key('acme'),
      ),
    );
    const narrow = { 'x-api-key': created.createApiKey.secret };
    const c = contacts[CONTACTS - 1]!;
    for (const [query, variables] of [
      [ERASE, { c: c.contactId }],
      [EXPORT, { c: c.contactId }],
    ] as const) {
      const res = await t.gql(query, variables, narrow);
      expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
    // nothing was erased: the contact's conversation is still there
    expect((await exportOf(c)).turns.map((x) => x.text).join(' ')).toContain(c.phrase);
  });

  it("audits exports, erasures and other subgraphs' sensitive changes in a chain that verifies", async () => {
    ok(await t.gql(SETTINGS, { input: { p95LatencyThresholdMs: 4321 } }, key('acme')));
    ok(await t.gql(RETENTION, { days: 45 }, key('acme')));
    type Audit = {
      auditLog: {
        edges: {
          node: {
            seq: number;
            actor: string;
            action: string;
            targetId: string;
            change: Record<string, unknown>;
          };
        }[];
      };
      verifyAuditChain: { valid: boolean; checked: number; brokenAtSeq: number | null };
    };
    const audit = await eventually(
      async () => {
        const a = ok(await t.gql<Audit>(AUDIT, {}, key('acme')));
        const actions = a.auditLog.edges.map((e) => e.node.action);
        expect(actions).toEqual(
          expect.arrayContaining(['analytics.settings_update', 'memory.retention_update']),
        );
        return a;
      },
      { what: 'the analytics and coaching changes in the audit log' },
    );
    const nodes = audit.auditLog.edges.map((e) => e.node);
    const settings = nodes.find((n) => n.action === 'analytics.settings_update')!;
    expect(settings.actor).toBe(subjects.acme);
    expect(settings.change).toMatchObject({ p95LatencyThresholdMs: 4321 });
    const retention = nodes.find((n) => n.action === 'memory.retention_update')!;
    expect(retention).toMatchObject({ actor: subjects.acme, change: { after: 45 } });
    const completions = nodes.filter((n) => n.action === 'contact.erase_completed');
    expect(completions.map((n) => `${n.actor} ${n.targetId}`).sort()).toEqual(
      ERASED.acme
        .flatMap((i) => [`system:agents gdpr-contact-${i}`, `system:coaching gdpr-contact-${i}`])
        .sort(),
    );
    expect(
      nodes
        .filter((n) => n.action === 'contact.erase_request')
        .map((n) => n.targetId)
        .sort(),
    ).toEqual(ERASED.acme.map((i) => `gdpr-contact-${i}`));
    expect(nodes.filter((n) => n.action === 'contact.export').length).toBeGreaterThanOrEqual(CONTACTS * 2);
    // the audit entries hold ids and counts, never what was erased
    for (const c of contacts)
      expect(
        hits(
          nodes.map((n) => JSON.stringify(n)),
          c,
        ),
      ).toEqual([]);
    expect(audit.verifyAuditChain).toMatchObject({ valid: true, brokenAtSeq: null });
    // summit's chain: its own erasures only
    const summit = ok(await t.gql<Audit>(AUDIT, {}, key('summit')));
    expect(
      summit.auditLog.edges
        .filter((e) => e.node.action === 'contact.erase_request')
        .map((e) => e.node.targetId)
        .sort(),
    ).toEqual(ERASED.summit.map((i) => `gdpr-contact-${i}`));
    expect(summit.verifyAuditChain.valid).toBe(true);
  }, 60_000);
});
