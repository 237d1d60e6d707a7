/**
 * Verticals through the gateway: organizations of each vertical (and a child organization that inherits LUXURY
 * from its parent) in both demo tenants, one agent session each, the same lead message sent to all of them at
 * once. Each session's qualification asks for its vertical's slots, and the prompt the fake Anthropic server
 * received for it names its vertical, playbook and gaps — counted per vertical, so a session coached in another
 * organization's vertical (or another tenant's) would show. The old code REAL_ESTATE coaches as residential.
 */
import { randomUUID } from 'node:crypto';
import { start as startFakeAnthropic, GENERIC_HINTS, type FakeAnthropic } from '../fixtures/fake-anthropic';
import { eventually } from '../helpers/eventually';
import { describeEachDb } from '../helpers/variants';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

const CREATE_ORG = `mutation ($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { id vertical marketVertical }
}`;
const CREATE_LOCATION = `mutation ($input: CreateLocationInput!) { createLocation(input: $input) { id } }`;
const CREATE_AGENT = `mutation ($input: CreateAgentInput!) { createAgent(input: $input) { id } }`;
const START = `mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }`;
const ADD_TURN = `mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }`;
const QUALIFICATION = `query ($id: ID!) {
  agentSession(id: $id) { qualification { missing nextQuestion slots { budget timelineMonths } } }
}`;
const VERTICALS = `{ coachingVerticals { code label complianceRules { id } qualificationSlots(role: BUYER_AGENT) { key weight } } }`;

const SAME_MESSAGE = "We're looking to buy in Austin, budget $2,000,000, in the next 6 months.";

type Tenant = 'acme' | 'summit';

interface Org {
  /** The code given to createOrganization (null: inherit from the parent). */
  code: string | null;
  /** What coaching must apply. */
  vertical: string;
  label: string;
  firstGap: string;
  parent?: string;
  /** Distinct agents keep identical requests of one tenant and vertical apart in the response cache. */
  experience: 'EXPERIENCED' | 'NOVICE';
}

const ORGS: Org[] = [
  {
    code: 'REAL_ESTATE',
    vertical: 'RESIDENTIAL',
    label: 'Residential (RESIDENTIAL)',
    firstGap: 'preApproved',
    experience: 'EXPERIENCED',
  },
  {
    code: 'LUXURY',
    vertical: 'LUXURY',
    label: 'Luxury residential (LUXURY)',
    firstGap: 'proofOfFunds',
    experience: 'EXPERIENCED',
  },
  {
    code: 'COMMERCIAL',
    vertical: 'COMMERCIAL',
    label: 'Commercial real estate (COMMERCIAL)',
    firstGap: 'spaceUse',
    experience: 'EXPERIENCED',
  },
  {
    code: 'mortgage_lending',
    vertical: 'MORTGAGE',
    label: 'Mortgage lending (MORTGAGE)',
    firstGap: 'loanAmount',
    experience: 'EXPERIENCED',
  },
  {
    code: 'PROPERTY_MANAGEMENT',
    vertical: 'PROPERTY_MANAGEMENT',
    label: 'Property management (PROPERTY_MANAGEMENT)',
    firstGap: 'units',
    experience: 'EXPERIENCED',
  },
  // a child organization created without a vertical under the LUXURY one
  {
    code: null,
    parent: 'LUXURY',
    vertical: 'LUXURY',
    label: 'Luxury residential (LUXURY)',
    firstGap: 'proofOfFunds',
    experience: 'NOVICE',
  },
];

describeEachDb('verticals through the gateway (%s)', (kind) => {
  let t: TestPlatform;
  let fake: FakeAnthropic;
  const key = (tenant: Tenant) => ({ 'x-api-key': t.apiKeys[tenant] });

  beforeAll(async () => {
    fake = await startFakeAnthropic();
    fake.setDefault({ delayMs: 50, then: { hints: GENERIC_HINTS } });
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

  async function data<T>(tenant: Tenant, query: string, variables: Record<string, unknown>): Promise<T> {
    const res = await t.gql<T>(query, variables, key(tenant));
    if (res.errors || !res.data) throw new Error(`${query.slice(0, 40)}: ${JSON.stringify(res.errors)}`);
    return res.data;
  }

  /** An organization of the vertical with a location and a buyer agent; returns the agent. */
  async function setUp(tenant: Tenant, org: Org, parents: Map<string, string>): Promise<string> {
    const tag = randomUUID().slice(0, 8);
    const input: Record<string, unknown> = { name: `${org.vertical} ${tag}` };
    if (org.code) input['vertical'] = org.code;
    if (org.parent) input['parentId'] = parents.get(org.parent);
    const created = (
      await data<{ createOrganization: { id: string; marketVertical: string } }>(tenant, CREATE_ORG, {
        input,
      })
    ).createOrganization;
    expect(created.marketVertical).toBe(org.vertical);
    if (org.code && !org.parent) parents.set(org.code, created.id);
    const loc = await data<{ createLocation: { id: string } }>(tenant, CREATE_LOCATION, {
      input: {
        organizationId: created.id,
        ghlLocationId: `vert-${tag}`,
        name: `Office ${tag}`,
        timezone: 'America/Chicago',
      },
    });
    const agent = await data<{ createAgent: { id: string } }>(tenant, CREATE_AGENT, {
      input: {
        name: `Agent ${tag}`,
        email: `agent-${tag}@example.com`,
        role: 'BUYER_AGENT',
        experience: org.experience,
        locationId: loc.createLocation.id,
      },
    });
    return agent.createAgent.id;
  }

  it('coaches the same lead message in each organization’s own vertical, all in flight together', async () => {
    const tenants: Tenant[] = ['acme', 'summit'];
    const agents: { tenant: Tenant; org: Org; agentId: string }[] = [];
    for (const tenant of tenants) {
      const parents = new Map<string, string>();
      for (const org of ORGS) agents.push({ tenant, org, agentId: await setUp(tenant, org, parents) });
    }
    const before = fake.count;
    // every session starts and receives the lead's message at the same time
    const sessions = await Promise.all(
      agents.map(async (a) => {
        const started = await data<{ startAgentSession: { id: string } }>(a.tenant, START, {
          input: { agentId: a.agentId, contactId: `lead-${randomUUID()}`, channel: 'SMS' },
        });
        const sessionId = started.startAgentSession.id;
        await data(a.tenant, ADD_TURN, { input: { sessionId, speaker: 'LEAD', text: SAME_MESSAGE } });
        const q = await data<{
          agentSession: {
            qualification: { missing: string[]; nextQuestion: string; slots: Record<string, number> };
          };
        }>(a.tenant, QUALIFICATION, { id: sessionId });
        return { ...a, sessionId, qualification: q.agentSession.qualification };
      }),
    );
    for (const s of sessions) {
      expect({ org: s.org.vertical, first: s.qualification.missing[0] }).toEqual({
        org: s.org.vertical,
        first: s.org.firstGap,
      });
      expect(s.qualification.slots).toMatchObject({ budget: 2_000_000, timelineMonths: 6 });
    }
    const asks = new Set(
      sessions.filter((s) => s.tenant === 'acme' && !s.org.parent).map((s) => s.qualification.nextQuestion),
    );
    expect(asks.size).toBe(ORGS.length - 1);

    // one model call per session (each has its own cache key: tenant, vertical, experience)
    const prompts = await eventually(
      () => {
        const got = fake.requests
          .slice(before)
          .map((r) => r.body?.messages[0]?.content)
          .filter((c): c is string => typeof c === 'string' && c.includes(SAME_MESSAGE));
        return got.length >= sessions.length ? got : false;
      },
      { timeoutMs: 30_000, what: 'a model call per session' },
    );
    expect(prompts).toHaveLength(sessions.length);
    const byVertical = new Map<string, number>();
    for (const p of prompts) {
      const line = /Market vertical: (.*)/.exec(p)?.[1] ?? 'none';
      byVertical.set(line, (byVertical.get(line) ?? 0) + 1);
    }
    const expected = new Map<string, number>();
    for (const s of sessions) expected.set(s.org.label, (expected.get(s.org.label) ?? 0) + 1);
    expect(Object.fromEntries(byVertical)).toEqual(Object.fromEntries(expected));
    // each prompt carries its vertical's gaps and rules
    const mortgage = prompts.filter((p) => p.includes('(MORTGAGE)'));
    for (const p of mortgage) {
      expect(p).toContain('Qualification gaps (most valuable first): loanAmount, creditScore, downPayment');
      expect(p).toContain('Vertical compliance rule MORTGAGE_NO_RATE_GUARANTEE');
    }
    for (const p of prompts.filter((x) => x.includes('(PROPERTY_MANAGEMENT)')))
      expect(p).toContain('Vertical compliance rule PM_FAIR_HOUSING_SCREENING');
    process.stdout.write(
      `[verticals ${kind}] ${sessions.length} sessions in flight over ${tenants.length} tenants: prompts per vertical ${JSON.stringify(Object.fromEntries(byVertical))}\n`,
    );
  }, 120_000);

  it('the offline coach (the model refusing) warns by each vertical’s own rules, through the API', async () => {
    const RATE = 'Can you guarantee me a 5.5% rate if I apply today? Our budget is $500,000.';
    // the model answers 400 to this message: every hint comes from the offline coach (the engine's fallback)
    fake.respond((body) =>
      JSON.stringify(body.messages).includes('guarantee me a 5.5%') ? { status: 400 } : undefined,
    );
    const parents = new Map<string, string>();
    const mine: { tenant: Tenant; org: Org; agentId: string }[] = [];
    for (const org of ORGS.filter((o) => !o.parent))
      mine.push({ tenant: 'acme', org, agentId: await setUp('acme', org, parents) });
    const hints = await Promise.all(
      mine.map(async (a) => {
        const started = await data<{ startAgentSession: { id: string } }>(a.tenant, START, {
          input: { agentId: a.agentId, contactId: `rate-${randomUUID()}`, channel: 'SMS' },
        });
        const id = started.startAgentSession.id;
        await data(a.tenant, ADD_TURN, { input: { sessionId: id, speaker: 'LEAD', text: RATE } });
        const got = await eventually(
          async () => {
            const r = await data<{ agentSession: { hints: { category: string; text: string }[] } }>(
              a.tenant,
              `query ($id: ID!) { agentSession(id: $id) { hints { category text } } }`,
              { id },
            );
            return r.agentSession.hints.length > 0 ? r.agentSession.hints : false;
          },
          { timeoutMs: 20_000, what: `hints of the ${a.org.vertical} session` },
        );
        return { vertical: a.org.vertical, hints: got };
      }),
    );
    fake.respond(null);
    const warned = (h: { hints: { category: string; text: string }[] }) =>
      h.hints.some(
        (x) => x.category === 'COMPLIANCE_WARNING' && /No rate or approval guarantees/.test(x.text),
      );
    expect(hints.filter(warned).map((h) => h.vertical)).toEqual(['MORTGAGE']);
    // and the hints themselves differ per vertical
    const texts = hints.map((h) =>
      h.hints
        .map((x) => x.text)
        .sort()
        .join(' | '),
    );
    expect(new Set(texts).size).toBe(texts.length);
  }, 60_000);

  it('a mortgage contact’s loan facts are remembered: the next session does not ask them again', async () => {
    const org = ORGS.find((o) => o.vertical === 'MORTGAGE')!;
    const mortgage = { agentId: await setUp('summit', org, new Map()) };
    const contactId = `borrower-${randomUUID()}`;
    const session = async (text: string) => {
      const started = await data<{ startAgentSession: { id: string } }>('summit', START, {
        input: { agentId: mortgage.agentId, contactId, channel: 'SMS' },
      });
      const id = started.startAgentSession.id;
      await data('summit', ADD_TURN, { input: { sessionId: id, speaker: 'LEAD', text, coach: false } });
      const q = await data<{ agentSession: { qualification: { missing: string[] } } }>(
        'summit',
        QUALIFICATION,
        { id },
      );
      return { id, missing: q.agentSession.qualification.missing };
    };
    const first = await session(
      "I'd like to borrow about $400k. My credit score is around 720 and we can put 20% down.",
    );
    expect(first.missing).toEqual(['timelineMonths', 'propertyType']);
    await data('summit', `mutation ($id: ID!) { endAgentSession(id: $id) { id } }`, { id: first.id });
    const second = await session('Hi again, are rates any better this week?');
    expect(second.missing).toEqual(['timelineMonths', 'propertyType']);
  });

  it('refuses an unknown vertical code and lists the verticals with their slots', async () => {
    const bad = await t.gql(
      CREATE_ORG,
      { input: { name: 'Insurance desk', vertical: 'INSURANCE' } },
      key('acme'),
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'vertical' });
    const list = await data<{
      coachingVerticals: {
        code: string;
        complianceRules: { id: string }[];
        qualificationSlots: { key: string }[];
      }[];
    }>('summit', VERTICALS, {});
    expect(list.coachingVerticals.map((v) => v.code).sort()).toEqual(
      ['COMMERCIAL', 'LUXURY', 'MORTGAGE', 'PROPERTY_MANAGEMENT', 'RESIDENTIAL'].sort(),
    );
    const mortgage = list.coachingVerticals.find((v) => v.code === 'MORTGAGE')!;
    expect(mortgage.qualificationSlots.map((s) => s.key).slice(0, 3)).toEqual([
      'loanAmount',
      'creditScore',
      'downPayment',
    ]);
    expect(mortgage.complianceRules.map((r) => r.id)).toContain('MORTGAGE_NO_RATE_GUARANTEE');
    const residential = list.coachingVerticals.find((v) => v.code === 'RESIDENTIAL')!;
    expect(residential.qualificationSlots[0]!.key).toBe('budget');
  });
});
