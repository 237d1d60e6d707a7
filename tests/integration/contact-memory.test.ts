/**
 * Contact memory across sessions, through the gateway: a lead states budget, areas, timeline — and a
 * protected attribute — in session 1; the session ends and a summary is stored (the model's, from the fake
 * Anthropic server). Session 2 with the same contact starts from that memory: `Contact.memory` lists the
 * facts (never the protected attribute), the qualification has the known slots and does not ask for them,
 * the offline coach (the fallback here: hint calls fail) recalls them, and the prompt the model got carries
 * them. Another tenant with the same contact id sees only its own memory, with many identical requests
 * from both tenants in flight; a contact only the other tenant knows is NOT_FOUND. Retention: a tenant's
 * setting purges its memory (and only its), OWNER/ADMIN only.
 */
import { randomUUID } from 'node:crypto';
import { demoAgents, demoMembers } from '../../bin/demo-plan';
import { sweepExpiredMemory } from '../../subgraphs/coaching/service/memory-retention';
import {
  start as startFakeAnthropic,
  type FakeAnthropic,
  type MessagesBody,
} from '../fixtures/fake-anthropic';
import { eventually } from '../helpers/eventually';
import { describeEachDb } from '../helpers/variants';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

const START = `mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }`;
const END = `mutation ($id: ID!) { endAgentSession(id: $id) { id } }`;
const ADD_TURN = `mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }`;
const SESSION = `query ($id: ID!) { agentSession(id: $id) {
  qualification { slots { budget areas timelineMonths } missing nextQuestion score }
  hints(first: 10) { text category }
  contact { id memory { facts { key numberValue } } }
} }`;
const CONTACT = `query ($id: String!) { contact(id: $id) { id memory {
  facts { key text numberValue booleanValue listValue stringValue sourceSessionId statedAt }
  summaries { sessionId agentId text source model endedAt }
  notes retentionDays
} } }`;
const SET_RETENTION = `mutation ($days: Int!) { setMemoryRetention(days: $days) { days } }`;
const RETENTION = `query { memoryRetention { days } }`;
const ISSUE_TOKEN = `mutation ($id: ID!) { issueAccessToken(memberId: $id, ttlSeconds: 600) { token } }`;

type Tenant = 'acme' | 'summit';
const PROTECTED = /muslim|kids|children|wheelchair/i;
const MODEL_SUMMARY =
  'The lead is Muslim and has two kids. They want Austin or Round Rock under $450,000 within about 3 months.';
const IN_FLIGHT = 200;

interface Memory {
  facts: {
    key: string;
    text: string;
    numberValue: number | null;
    listValue: string[] | null;
    sourceSessionId: string;
  }[];
  summaries: { sessionId: string; text: string; source: string; model: string | null }[];
  notes: string[];
  retentionDays: number;
}
type Answer = Awaited<ReturnType<TestPlatform['gql']>>;

function userText(body: MessagesBody): string {
  return body.messages
    .map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)))
    .join('\n');
}

describeEachDb('contact memory across sessions through the gateway (%s)', (kind) => {
  let t: TestPlatform;
  let fake: FakeAnthropic;
  const contactId = `mem-${randomUUID().slice(0, 8)}`;
  const acmeOnly = `mem-acme-${randomUUID().slice(0, 8)}`;
  const agent = { acme: demoAgents('acme')[0]!, summit: demoAgents('summit')[0]! };
  const key = (tenant: Tenant) => ({ 'x-api-key': t.apiKeys[tenant] });
  const gql = (q: string, v: Record<string, unknown>, tenant: Tenant): Promise<Answer> =>
    t.gql(q, v, key(tenant));
  const data = <T>(a: Answer, field: string): T => {
    if (a.errors) throw new Error(JSON.stringify(a.errors));
    return (a.data as Record<string, T>)[field]!;
  };
  const memoryOf = async (tenant: Tenant, id = contactId): Promise<Memory> =>
    data<{ memory: Memory }>(await gql(CONTACT, { id }, tenant), 'contact').memory;
  let session1 = '';

  async function start(tenant: Tenant, contact: string): Promise<string> {
    const input = { agentId: agent[tenant].id, contactId: contact, channel: 'SMS' };
    return data<{ id: string }>(await gql(START, { input }, tenant), 'startAgentSession').id;
  }
  async function say(tenant: Tenant, sessionId: string, text: string): Promise<void> {
    data(await gql(ADD_TURN, { input: { sessionId, speaker: 'LEAD', text } }, tenant), 'addConversationTurn');
  }

  beforeAll(async () => {
    fake = await startFakeAnthropic();
    // Summaries: the model's (with a protected sentence the platform must drop), except for Summit's session,
    // whose summary call fails (its offline summary stays). Hints: the model fails, the offline coach answers.
    fake.respond((body) => {
      if (body.tools?.[0]?.name !== 'emit_summary')
        return { status: 400, message: 'hints: use the offline coach' };
      if (userText(body).includes('Denver')) return { status: 400, message: 'no summary for summit' };
      return { rawInput: JSON.stringify({ summary: MODEL_SUMMARY }) };
    });
    t = await startTestPlatform(kind, {
      ANTHROPIC_API_KEY: 'sk-test',
      ANTHROPIC_BASE_URL: fake.url,
      COACH_MODEL_WHEN_CONFIDENCE_BELOW: '1', // every live turn to the (fake) model: this test is about that path
      RATE_LIMIT_PER_MINUTE: '1000000',
    });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('session 1 states facts and a protected attribute; when it ends a summary is stored, without the protected attribute', async () => {
    session1 = await start('acme', contactId);
    await say(
      'acme',
      session1,
      "Hi! We're Muslim and we have two kids. Our budget is $450,000, we want to buy in Austin or Round Rock, and we'd like to move within 3 months.",
    );
    const q = await eventually(async () => {
      const s = data<{ qualification: { slots: { budget: number | null } } | null }>(
        await gql(SESSION, { id: session1 }, 'acme'),
        'agentSession',
      );
      return s.qualification?.slots.budget === 450_000 && s.qualification;
    });
    expect(q).toBeTruthy();
    data(await gql(END, { id: session1 }, 'acme'), 'endAgentSession');

    const memory = await eventually(
      async () => {
        const m = await memoryOf('acme');
        return m.summaries.length === 1 && m.summaries[0]!.source === 'MODEL' && m;
      },
      { timeoutMs: 15_000, what: 'the model summary of session 1' },
    );
    const summary = memory.summaries[0]!;
    expect(summary.sessionId).toBe(session1);
    expect(summary.text).toContain('Austin or Round Rock under $450,000');
    expect(summary.text).not.toMatch(PROTECTED); // the model's protected sentence was dropped
    const byKey = Object.fromEntries(memory.facts.map((f) => [f.key, f]));
    expect(byKey['budget']?.numberValue).toBe(450_000);
    expect(byKey['areas']?.listValue).toEqual(['austin', 'round rock']);
    expect(byKey['timelineMonths']?.numberValue).toBe(3);
    expect(memory.facts.every((f) => f.sourceSessionId === session1)).toBe(true);
    expect(JSON.stringify(memory)).not.toMatch(PROTECTED);
    expect(memory.retentionDays).toBe(365);
    // the summary call left with the PII redacted and the protected-attribute instruction
    const summaryCalls = fake.requests.filter((r) => r.body?.tools?.[0]?.name === 'emit_summary');
    expect(summaryCalls.length).toBeGreaterThanOrEqual(1);
    process.stdout.write(
      `[contact-memory ${kind}] session 1 → facts ${memory.facts.length} (${memory.facts.map((f) => f.key).join(', ')}), ` +
        `summary ${summary.source} (${summary.text.length} chars), notes ${memory.notes.length}\n`,
    );
  }, 30_000);

  it('session 2 with the same contact starts from the memory: qualification pre-filled, not asked again, offline coach recalls, prompt carries it', async () => {
    const session2 = await start('acme', contactId);
    const fresh = await start('acme', `mem-fresh-${randomUUID().slice(0, 8)}`);
    const opening = 'Hi again, are there any new listings this week?';
    await Promise.all([say('acme', session2, opening), say('acme', fresh, opening)]);
    type View = {
      qualification: {
        slots: Record<string, unknown>;
        missing: string[];
        nextQuestion: string | null;
        score: number;
      } | null;
      hints: { text: string; category: string }[];
      contact: { memory: { facts: { key: string }[] } };
    };
    const view = async (id: string) =>
      eventually(
        async () => {
          const s = data<View>(await gql(SESSION, { id }, 'acme'), 'agentSession');
          return s.qualification !== null && s.hints.length > 0 && s;
        },
        { timeoutMs: 15_000, what: `hints of ${id}` },
      );
    const [remembered, control] = [await view(session2), await view(fresh)];

    expect(remembered.qualification!.slots).toMatchObject({
      budget: 450_000,
      areas: ['austin', 'round rock'],
      timelineMonths: 3,
    });
    expect(remembered.qualification!.missing).not.toEqual(expect.arrayContaining(['budget']));
    expect(remembered.qualification!.missing).not.toContain('areas');
    expect(remembered.qualification!.missing).not.toContain('timelineMonths');
    const asks = /price range|which areas are you focused|when would you ideally like to be moved in/i;
    expect(remembered.qualification!.nextQuestion ?? '').not.toMatch(asks);
    for (const h of remembered.hints) expect(h.text).not.toMatch(asks);
    expect(remembered.hints.map((h) => h.text).join(' ')).toContain(
      'From earlier conversations: budget up to $450k',
    );
    expect(remembered.contact.memory.facts.map((f) => f.key)).toEqual(
      expect.arrayContaining(['budget', 'areas', 'timelineMonths']),
    );
    // the control: the same opening from a contact without memory is asked for its budget
    expect(control.qualification!.missing).toContain('budget');
    expect(control.qualification!.nextQuestion).toMatch(/price range/i);

    const prompt = fake.requests
      .map((r) => r.body)
      .filter((b): b is MessagesBody => !!b && b.tools?.[0]?.name !== 'emit_summary')
      .map(userText)
      .find((u) => u.includes(opening) && u.includes('Known fact'));
    expect(prompt).toBeDefined();
    const memoryBlock = /<contact_memory>([\s\S]*?)<\/contact_memory>/.exec(prompt!)?.[1] ?? '';
    expect(memoryBlock).toContain('Known fact: Budget: up to $450k');
    expect(memoryBlock).toContain('Known fact: Areas: Austin or Round Rock');
    expect(memoryBlock).toContain('Earlier session');
    expect(prompt).not.toMatch(PROTECTED);
    process.stdout.write(
      `[contact-memory ${kind}] session 2 → score ${remembered.qualification!.score} (control ${control.qualification!.score}), ` +
        `missing [${remembered.qualification!.missing.join(', ')}] vs control [${control.qualification!.missing.join(', ')}], ` +
        `prompt memory lines ${memoryBlock.trim().split('\n').length}\n`,
    );
  }, 40_000);

  it(`tenant isolation: the same contact id in two tenants, ${IN_FLIGHT} identical requests in flight from both`, async () => {
    const s = await start('summit', contactId);
    await say('summit', s, 'We are looking in Denver with a budget of $900,000, in about 6 months.');
    await eventually(async () => (await memoryOf('summit')).facts.some((f) => f.numberValue === 900_000));
    data(await gql(END, { id: s }, 'summit'), 'endAgentSession');
    await eventually(async () => (await memoryOf('summit')).summaries.length === 1, { timeoutMs: 10_000 });
    const acmeSession = await start('acme', acmeOnly);
    await say('acme', acmeSession, 'Our budget is $300,000 in Pflugerville.');
    await eventually(async () => (await memoryOf('acme', acmeOnly)).facts.length > 0);

    const results = await Promise.all(
      Array.from({ length: IN_FLIGHT }, async (_, i) => {
        const tenant: Tenant = i % 2 === 0 ? 'acme' : 'summit';
        const id = i % 10 === 9 ? acmeOnly : contactId;
        return { tenant, id, answer: await gql(CONTACT, { id }, tenant) };
      }),
    );
    let leaks = 0;
    let ok = 0;
    let notFound = 0;
    for (const { tenant, id, answer } of results) {
      const text = JSON.stringify(answer);
      if (id === acmeOnly && tenant === 'summit') {
        if (
          answer.errors?.[0]?.extensions?.['code'] === 'NOT_FOUND' &&
          !/pflugerville|300000|300k/i.test(text)
        )
          notFound++;
        else leaks++;
        continue;
      }
      const memory = (answer.data as { contact: { memory: Memory } } | undefined)?.contact.memory;
      const budget = memory?.facts.find((f) => f.key === 'budget')?.numberValue;
      const want = id === acmeOnly ? 300_000 : tenant === 'acme' ? 450_000 : 900_000;
      const foreign = tenant === 'acme' ? /Denver|900k|900000/ : /Austin|450k|450000|Round Rock/;
      if (budget === want && !foreign.test(text)) ok++;
      else leaks++;
    }
    const summitSummary = (await memoryOf('summit')).summaries[0]!;
    expect(summitSummary.source).toBe('OFFLINE'); // its model call failed: the offline summary stayed
    expect(summitSummary.text).toContain('Budget: up to $900k');
    process.stdout.write(
      `[contact-memory ${kind}] isolation: ${results.length} in flight → ${ok} own memory, ${notFound} NOT_FOUND (other tenant's contact), ${leaks} leaks\n`,
    );
    expect(leaks).toBe(0);
    expect(ok + notFound).toBe(IN_FLIGHT);
  }, 60_000);

  it("retention: OWNER/ADMIN set it; the sweep purges the tenant's expired memory and only its", async () => {
    const agentMember = demoMembers('acme').find((m) => m.role === 'AGENT')!;
    const token = data<{ token: string }>(
      await gql(ISSUE_TOKEN, { id: agentMember.id }, 'acme'),
      'issueAccessToken',
    ).token;
    const asAgent = await t.gql(SET_RETENTION, { days: 1 }, { authorization: `Bearer ${token}` });
    expect(asAgent.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const invalid = await gql(SET_RETENTION, { days: 0 }, 'acme');
    expect(invalid.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');

    expect(
      data<{ days: number }>(await gql(SET_RETENTION, { days: 30 }, 'acme'), 'setMemoryRetention').days,
    ).toBe(30);
    expect(data<{ days: number }>(await gql(RETENTION, {}, 'acme'), 'memoryRetention').days).toBe(30);
    expect(data<{ days: number }>(await gql(RETENTION, {}, 'summit'), 'memoryRetention').days).toBe(365);

    const orm = t.platform.services.coaching.orm;
    const before = { acme: await memoryOf('acme'), summit: await memoryOf('summit') };
    // 29 days on: nothing expired yet
    const early = await sweepExpiredMemory(orm, new Date(Date.now() + 29 * 86_400_000));
    expect(early.facts + early.summaries + early.notes).toBe(0);
    // 31 days on: Acme's memory (30 days) is purged, Summit's (365 days) stays
    const swept = await sweepExpiredMemory(orm, new Date(Date.now() + 31 * 86_400_000));
    const after = { acme: await memoryOf('acme'), summit: await memoryOf('summit') };
    const acmeOnlyAfter = await memoryOf('acme', acmeOnly);
    process.stdout.write(
      `[contact-memory ${kind}] retention sweep: ${JSON.stringify(swept)}; acme facts ${before.acme.facts.length}→${after.acme.facts.length}, ` +
        `summaries ${before.acme.summaries.length}→${after.acme.summaries.length}; summit facts ${before.summit.facts.length}→${after.summit.facts.length}\n`,
    );
    expect(after.acme).toMatchObject({ facts: [], summaries: [], notes: [], retentionDays: 30 });
    expect(acmeOnlyAfter.facts).toEqual([]);
    expect(after.summit).toEqual(before.summit);
    expect(swept.facts).toBeGreaterThanOrEqual(before.acme.facts.length + 1);
    expect(swept.summaries).toBe(before.acme.summaries.length);
  }, 30_000);
});
