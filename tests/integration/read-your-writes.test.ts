/**
 * Read-your-writes across subgraphs, through the real gateway over HTTP and graphql-ws: what a partner
 * creates is usable the moment the mutation answers — no delay, no retry — with many creations in flight
 * at once from both demo tenants:
 *   - a session (agents subgraph) in coaching: `coachingHints(sessionId)` and `addConversationTurn` at once;
 *   - every other create-then-use path, chained with no pause: a location (tenants) for a new agent
 *     (agents), coaching of that agent (its role and experience reach the model), a member and its access
 *     token (over HTTP and as a widget's WebSocket), a new API key;
 *   - an unknown session id, or another tenant's freshly created one, still answers NOT_FOUND.
 * The model is a fake Anthropic server (one hint per run, answering after MODEL_MS like a real model's
 * first token), so each prompt the model got can be checked. Figures are printed per database kind.
 *
 * graphql-ws has no subscribe acknowledgement: a subscription opened at the same instant as the turn is
 * live within a few ms (the sockets are connected first), long before the model answers.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { demoAgents } from '../../bin/demo-plan';
import { metrics } from '../../core/metrics';
import { start as startFakeAnthropic, GENERIC_HINTS, type FakeAnthropic } from '../fixtures/fake-anthropic';
import { connect, failed, hintsArrive, watchHints, type Answer, type HintWatch } from '../helpers/hint-watch';
import { describeEachDb } from '../helpers/variants';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

const START = `mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }`;
const ADD_TURN = `mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }`;
const CREATE_LOCATION = `mutation ($input: CreateLocationInput!) { createLocation(input: $input) { id } }`;
const CREATE_AGENT = `mutation ($input: CreateAgentInput!) { createAgent(input: $input) { id location { id } } }`;
const ADD_MEMBER = `mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }`;
const ISSUE_TOKEN = `mutation ($id: ID!) { issueAccessToken(memberId: $id, ttlSeconds: 600) { token } }`;
const CREATE_KEY = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;
const CREATE_ORG = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const OWN_SESSION = `query ($id: ID!) { agentSession(id: $id) { id agent { id } } }`;

type Tenant = 'acme' | 'summit';
const TRIES = 200;
const IN_FLIGHT = 24;
const MODEL_MS = 400;
const CHILD_TRIES = 100;

/** Runs `fn` over 0..n-1 with at most `width` in flight. */
async function inFlight<R>(n: number, width: number, fn: (i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(n);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < n; i = next++) out[i] = await fn(i);
  };
  await Promise.all(Array.from({ length: Math.min(width, n) }, worker));
  return out;
}

function percentiles(values: number[]): [number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
  return [Math.round(at(0.5)), Math.round(at(0.99))];
}

/** Lookups that waited for a read model (from /metrics): how many found the row, how many did not, time. */
async function waits(): Promise<{ found: number; missing: number; foundSeconds: number }> {
  const m = await metrics.readModelWait.get();
  const sum = (name: string, outcome: string) =>
    m.values
      .filter((v) => v.metricName === name && v.labels['outcome'] === outcome)
      .reduce((n, v) => n + v.value, 0);
  return {
    found: sum('read_model_wait_seconds_count', 'found'),
    missing: sum('read_model_wait_seconds_count', 'missing'),
    foundSeconds: sum('read_model_wait_seconds_sum', 'found'),
  };
}

function report(kind: string, label: string, figures: Record<string, unknown>): void {
  process.stdout.write(`[read-your-writes ${kind}] ${label}: ${JSON.stringify(figures)}\n`);
}

describeEachDb('read-your-writes across subgraphs through the gateway (%s)', (kind) => {
  let t: TestPlatform;
  let fake: FakeAnthropic;
  const sockets: Client[] = [];
  const key = (tenant: Tenant) => ({ 'x-api-key': t.apiKeys[tenant] });
  const tenantOf = (i: number): Tenant => (i % 2 === 0 ? 'acme' : 'summit');
  const gql = (q: string, v: Record<string, unknown>, h: Record<string, string>) =>
    t.gql(q, v, h) as Promise<Answer>;

  beforeAll(async () => {
    fake = await startFakeAnthropic();
    fake.setDefault({ delayMs: MODEL_MS, then: { hints: GENERIC_HINTS } });
    t = await startTestPlatform(kind, {
      ANTHROPIC_API_KEY: 'sk-test',
      ANTHROPIC_BASE_URL: fake.url,
      COACH_MODEL_WHEN_CONFIDENCE_BELOW: '1', // every live turn to the (fake) model: this test is about that path
      RATE_LIMIT_PER_MINUTE: '1000000',
    });
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) await s.dispose();
    await t?.close();
    await fake?.close();
  });

  async function socket(params: Record<string, string>): Promise<Client> {
    const c = await connect(t, params);
    sockets.push(c);
    return c;
  }

  it(`a session is usable the moment startAgentSession answers (${TRIES} tries, ${IN_FLIGHT} in flight)`, async () => {
    const ws = { acme: await socket(key('acme')), summit: await socket(key('summit')) };
    const before = await waits();
    const results = await inFlight(TRIES, IN_FLIGHT, async (i) => {
      const tenant = tenantOf(i);
      const agents = demoAgents(tenant);
      const input = { agentId: agents[i % agents.length]!.id, contactId: `ryw-${i}`, channel: 'SMS' };
      const started = await gql(START, { input }, key(tenant));
      const sessionId = (started.data?.['startAgentSession'] as { id: string } | undefined)?.id;
      if (!sessionId) return { failure: failed('startAgentSession', started) };
      const created = performance.now();
      // no pause: the widget subscribes and the partner adds the lead's message at the same instant
      const sub = watchHints(ws[tenant], sessionId);
      const say = (n: number) =>
        gql(
          ADD_TURN,
          { input: { sessionId, speaker: 'LEAD', text: `Is the price negotiable? (ryw ${i}.${n})` } },
          key(tenant),
        );
      const turn = await say(1);
      const usable = performance.now();
      if (turn.errors) return { failure: failed('addConversationTurn', turn) };
      const hints = await hintsArrive(sub, sessionId, say, (q, v) => gql(q, v, key(tenant)));
      sub.close();
      return {
        failure: hints.error && `coachingHints: ${hints.error}`,
        usable: usable - created,
        turns: hints.turns,
        hint: (sub.firstCompletedAt ?? usable) - created,
      };
    });
    const after = await waits();
    const ok = results.filter((r) => !r.failure);
    report(kind, 'session → coachingHints + addConversationTurn', {
      tries: TRIES,
      failures: TRIES - ok.length,
      'answered → turn accepted, ms p50/p99': percentiles(ok.map((r) => r.usable!)),
      'answered → first COMPLETED hint, ms p50/p99': percentiles(ok.map((r) => r.hint!)),
      'subscriptions live only after the first run (no subscribe ack)': ok.filter((r) => r.turns! > 1).length,
      'lookups that waited for the read model': after.found - before.found,
      'their mean wait, ms': Math.round(
        (1000 * (after.foundSeconds - before.foundSeconds)) / Math.max(1, after.found - before.found),
      ),
    });
    expect(results.filter((r) => r.failure).map((r) => r.failure)).toEqual([]);
    expect(after.missing - before.missing).toBe(0);
  }, 300_000);

  /** createLocation → createAgent there → startAgentSession → addMember + issueAccessToken → createApiKey. */
  async function createChain(i: number, tenant: Tenant) {
    const tag = `${i}-${randomUUID().slice(0, 8)}`;
    const admin = key(tenant);
    const steps: { what: string; r: Answer }[] = [];
    const step = async (what: string, q: string, v: Record<string, unknown>, h = admin) => {
      const r = await gql(q, v, h);
      steps.push({ what, r });
      return r.data?.[Object.keys(r.data ?? {})[0] ?? ''] as Record<string, unknown> | undefined;
    };
    const location = await step('createLocation', CREATE_LOCATION, {
      input: { ghlLocationId: `ryw-${tag}`, name: `RYW ${tag}`, timezone: 'America/Chicago' },
    });
    if (!location) return { steps };
    const agent = await step('createAgent', CREATE_AGENT, {
      input: {
        name: `Listing ${tag}`,
        email: `ryw-${tag}@example.com`,
        role: 'LISTING_AGENT',
        experience: 'NOVICE',
        locationId: location['id'],
      },
    });
    if (!agent) return { steps };
    const session = await step('startAgentSession', START, {
      input: { agentId: agent['id'], contactId: `ryw-chain-${tag}`, channel: 'SMS' },
    });
    const member = await step('addMember', ADD_MEMBER, {
      input: {
        userId: `ryw-user-${tag}`,
        email: `ryw-user-${tag}@example.com`,
        name: `Agent ${tag}`,
        role: 'AGENT',
        agentId: agent['id'],
        locationIds: [location['id']],
      },
    });
    const token = member && (await step('issueAccessToken', ISSUE_TOKEN, { id: member['id'] }));
    const apiKey = await step('createApiKey', CREATE_KEY, {
      input: { name: `ryw ${tag}`, scopes: ['agents:read', 'coaching:read', 'coaching:write'] },
    });
    return {
      steps,
      tag,
      locationId: location['id'] as string,
      agentLocation: (agent['location'] as { id: string } | null)?.id,
      agentId: agent['id'] as string,
      sessionId: session?.['id'] as string | undefined,
      token: token?.['token'] as string | undefined,
      secret: apiKey?.['secret'] as string | undefined,
    };
  }

  it(`location → agent → session → member token → API key, each used at once (${TRIES} chains)`, async () => {
    const results = await inFlight(TRIES, IN_FLIGHT, async (i) => {
      const c = await createChain(i, tenantOf(i));
      const stepFailure = c.steps.map((s) => failed(s.what, s.r)).find(Boolean);
      if (stepFailure || !c.sessionId || !c.token || !c.secret) return { failure: stepFailure ?? 'chain' };
      if (c.agentLocation !== c.locationId) return { failure: `agent.location ${c.agentLocation}` };
      const bearer = { authorization: `Bearer ${c.token}` };
      const newKey = { 'x-api-key': c.secret };
      const sessionId = c.sessionId;
      const say = (n: number) =>
        gql(
          ADD_TURN,
          { input: { sessionId, speaker: 'LEAD', text: `We'd like to list soon, ref ${c.tag}.${n}` } },
          newKey,
        );
      // all at once: the member's widget connects and subscribes with its token, the partner adds the
      // lead's turn with the new key, and the member reads its own session over HTTP
      const [widget, turn, own] = await Promise.all([
        connect(t, bearer).then(
          (ws) => {
            sockets.push(ws);
            return watchHints(ws, sessionId);
          },
          (err: Error) => err,
        ),
        say(1),
        gql(OWN_SESSION, { id: sessionId }, bearer),
      ]);
      const seen = own.data?.['agentSession'] as { agent: { id: string } } | undefined;
      const failure =
        failed('addConversationTurn with the new API key', turn) ??
        failed('agentSession with the member token', own) ??
        (seen?.agent.id !== c.agentId ? 'member token: another agent' : undefined) ??
        (widget instanceof Error ? `widget socket with the member token: ${widget.message}` : undefined);
      if (failure || widget instanceof Error) return { failure, tag: c.tag };
      const hints = await hintsArrive(widget, sessionId, say, (q, v) => gql(q, v, newKey));
      widget.close();
      return { failure: hints.error && `coachingHints with the member token: ${hints.error}`, tag: c.tag };
    });
    // coaching of each new agent used its profile: the prompt's agent block names the listing role and novice style
    const prompts = new Map<string, string[]>();
    for (const req of fake.requests) {
      const m = /ref (\d+-[0-9a-f]{8})\./.exec(JSON.stringify(req.body?.messages ?? ''));
      if (m) prompts.set(m[1]!, [...(prompts.get(m[1]!) ?? []), JSON.stringify(req.body?.system ?? '')]);
    }
    const listingNovice = (system: string) =>
      system.includes('Role: listing agent (LISTING_AGENT)') && system.includes('Experience: NOVICE.');
    const wrongProfile = results
      .filter((r) => !r.failure)
      .filter((r) => !(prompts.get(r.tag!) ?? ['']).every(listingNovice));
    const failures = results.filter((r) => r.failure);
    report(kind, 'location → agent → session → member token → API key', {
      chains: TRIES,
      failures: failures.length,
      'coached with the wrong or default agent profile': wrongProfile.length,
    });
    expect(failures.map((r) => r.failure)).toEqual([]);
    expect(wrongProfile.map((r) => r.tag)).toEqual([]);
  }, 600_000);

  it(`a new child organization's key creates a location and puts an agent there at once (${CHILD_TRIES} tries)`, async () => {
    const results = await inFlight(CHILD_TRIES, IN_FLIGHT, async (i) => {
      const tenant = tenantOf(i);
      const tag = `${i}-${randomUUID().slice(0, 8)}`;
      const org = await gql(CREATE_ORG, { input: { name: `RYW branch ${tag}` } }, key(tenant));
      const orgId = (org.data?.['createOrganization'] as { id: string } | undefined)?.id;
      if (!orgId) return failed('createOrganization', org);
      const scopes = ['tenants:read', 'tenants:admin', 'agents:read', 'agents:write', 'coaching:write'];
      const created = await gql(
        CREATE_KEY,
        { input: { name: `branch ${tag}`, scopes, organizationId: orgId } },
        key(tenant),
      );
      const secret = (created.data?.['createApiKey'] as { secret: string } | undefined)?.secret;
      if (!secret) return failed('createApiKey', created);
      // the branch's key: its principal covers the branch's locations — including the one it creates now
      const branch = { 'x-api-key': secret };
      const loc = await gql(
        CREATE_LOCATION,
        { input: { ghlLocationId: `ryw-branch-${tag}`, name: `Branch ${tag}`, timezone: 'America/Denver' } },
        branch,
      );
      const locationId = (loc.data?.['createLocation'] as { id: string } | undefined)?.id;
      if (!locationId) return failed('createLocation with the branch key', loc);
      const agentInput = {
        name: `Branch Agent ${tag}`,
        email: `ryw-branch-${tag}@example.com`,
        role: 'BUYER_AGENT',
        experience: 'EXPERIENCED',
        locationId,
      };
      const agent = await gql(CREATE_AGENT, { input: agentInput }, branch);
      const agentId = (agent.data?.['createAgent'] as { id: string } | undefined)?.id;
      if (!agentId) return failed('createAgent at the new location with the branch key', agent);
      const session = await gql(
        START,
        { input: { agentId, contactId: `ryw-branch-${tag}`, channel: 'CHAT' } },
        branch,
      );
      const sessionId = (session.data?.['startAgentSession'] as { id: string } | undefined)?.id;
      if (!sessionId) return failed('startAgentSession with the branch key', session);
      const turn = await gql(
        ADD_TURN,
        { input: { sessionId, speaker: 'AGENT', text: 'Hello from the branch', coach: false } },
        branch,
      );
      return failed('addConversationTurn with the branch key', turn);
    });
    const failures = results.filter(Boolean);
    report(kind, 'new organization → its key → location → agent → session → turn', {
      tries: CHILD_TRIES,
      failures: failures.length,
    });
    expect(failures).toEqual([]);
  }, 300_000);

  it("an unknown session id, or another tenant's just-created one, answers NOT_FOUND (and stays untouched)", async () => {
    const ws = { acme: await socket(key('acme')), summit: await socket(key('summit')) };
    const agent = demoAgents('acme')[0]!;
    const trials = await inFlight(20, 10, async (i) => {
      const started = await gql(
        START,
        { input: { agentId: agent.id, contactId: `ryw-foreign-${i}`, channel: 'SMS' } },
        key('acme'),
      );
      const sessionId = (started.data?.['startAgentSession'] as { id: string }).id;
      const unknown = randomUUID();
      const t0 = performance.now();
      // at once: Summit uses Acme's brand-new session, Acme uses an id nobody created
      const subs = [watchHints(ws.summit, sessionId), watchHints(ws.acme, unknown)];
      const [foreignTurn, unknownTurn] = await Promise.all([
        gql(ADD_TURN, { input: { sessionId, speaker: 'LEAD', text: 'hijack' } }, key('summit')),
        gql(ADD_TURN, { input: { sessionId: unknown, speaker: 'LEAD', text: 'nobody' } }, key('acme')),
        ...subs.map((sub) => sub.settled()),
      ]);
      subs.forEach((sub) => sub.close());
      const [foreignSub, unknownSub] = subs as [HintWatch, HintWatch];
      const turns = await gql(
        `query ($id: ID!) { agentSession(id: $id) { turns { text } } }`,
        { id: sessionId },
        key('acme'),
      );
      return {
        codes: [foreignTurn, unknownTurn].map((r) => r.errors?.[0]?.extensions?.['code']),
        subs: [foreignSub.error, unknownSub.error],
        leaked: [foreignTurn, unknownTurn].filter((r) => r.data?.['addConversationTurn']).length,
        acmeTurns: (turns.data?.['agentSession'] as { turns: unknown[] } | undefined)?.turns.length,
        ms: performance.now() - t0,
      };
    });
    report(kind, 'foreign and unknown session ids', {
      tries: trials.length * 4,
      'NOT_FOUND answers': trials.reduce(
        (n, r) => n + [...r.codes, ...r.subs].filter((c) => c === 'NOT_FOUND').length,
        0,
      ),
      'answered after, ms p50': percentiles(trials.map((r) => r.ms))[0],
    });
    for (const r of trials) {
      expect(r.codes).toEqual(['NOT_FOUND', 'NOT_FOUND']);
      expect(r.subs).toEqual(['NOT_FOUND', 'NOT_FOUND']);
      expect(r.leaked).toBe(0);
      expect(r.acmeTurns).toBe(0);
    }
  }, 120_000);
});
