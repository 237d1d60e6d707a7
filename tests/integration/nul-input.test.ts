/**
 * A NUL character (U+0000) in any text a partner sends — a turn, a rating comment, a workflow name, a search —
 * is a client mistake: BAD_USER_INPUT with HTTP 400 naming where it was, never INTERNAL_SERVER_ERROR (the
 * databases cannot store it; before the gateway rejected it, each of these answered a masked 500-class error
 * and logged the SQL). Sent by both tenants with clean requests in flight beside them, which still succeed.
 */
import { demoAgents } from '../../bin/demo-plan';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { describeEachDb } from '../helpers/variants';

type Tenant = 'acme' | 'summit';
const START = `mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }`;
const ADD_TURN = `mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id text } }`;
const CREATE_WORKFLOW = `mutation ($input: CreateWorkflowInput!) { createWorkflow(input: $input) { workflow { id } } }`;
const RATE = `mutation ($id: ID!, $comment: String) { rateHint(hintId: $id, verdict: ACCEPTED, comment: $comment) { id } }`;
const SEARCH = `query ($s: String) { agents(first: 5, filter: { search: $s }) { edges { node { id } } } }`;

describeEachDb('NUL characters in input (%s)', (kind) => {
  let t: TestPlatform;
  const sessions = {} as Record<Tenant, string>;
  const key = (tenant: Tenant) => ({ 'x-api-key': t.apiKeys[tenant] });

  beforeAll(async () => {
    t = await startTestPlatform(kind);
    for (const tenant of ['acme', 'summit'] as Tenant[]) {
      const input = { agentId: demoAgents(tenant)[0]!.id, contactId: `nul-${tenant}`, channel: 'SMS' };
      const r = await t.gql<{ startAgentSession: { id: string } }>(START, { input }, key(tenant));
      sessions[tenant] = r.data!.startAgentSession.id;
    }
  }, 120_000);
  afterAll(() => t?.close());

  it('answers BAD_USER_INPUT with HTTP 400 wherever the NUL is, while clean requests succeed', async () => {
    const bad = (tenant: Tenant) => [
      t.gql(
        ADD_TURN,
        { input: { sessionId: sessions[tenant], speaker: 'LEAD', text: 'hi\u0000there' } },
        key(tenant),
      ),
      t.gql(
        ADD_TURN,
        { input: { sessionId: sessions[tenant], speaker: 'AGENT', text: 'ok\u0000' } },
        key(tenant),
      ),
      // in a literal of the document: the parser turns the escape into the character
      t.gql(
        `mutation { addConversationTurn(input: { sessionId: "${sessions[tenant]}", speaker: LEAD, text: "a\\u0000b" }) { id } }`,
        {},
        key(tenant),
      ),
      t.gql(RATE, { id: '00000000-0000-4000-8000-000000000000', comment: 'x\u0000y' }, key(tenant)),
      t.gql(
        CREATE_WORKFLOW,
        { input: { name: 'a\u0000b', trigger: 'HINT_ACCEPTED', action: 'TASK' } },
        key(tenant),
      ),
      t.gql(SEARCH, { s: 'Jo\u0000' }, key(tenant)),
    ];
    const good = (tenant: Tenant) =>
      t.gql(
        ADD_TURN,
        { input: { sessionId: sessions[tenant], speaker: 'AGENT', text: `clean ${tenant}` } },
        key(tenant),
      );
    const [acmeBad, summitBad, acmeGood, summitGood] = await Promise.all([
      Promise.all(bad('acme')),
      Promise.all(bad('summit')),
      good('acme'),
      good('summit'),
    ]);
    for (const [i, r] of [...acmeBad, ...summitBad].entries()) {
      expect(r.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toMatch(/NUL character/);
      // a literal (i % 6 === 2) as a variable: 400, also under application/json (it was 200 there)
      expect({ i, status: r.status }).toEqual({ i, status: 400 });
    }
    expect(acmeBad[0]!.errors?.[0]?.extensions?.['field']).toBe('variables.input.text');
    expect(acmeGood.errors).toBeUndefined();
    expect(summitGood.errors).toBeUndefined();
    expect((acmeGood.data as { addConversationTurn: { text: string } }).addConversationTurn.text).toBe(
      'clean acme',
    );
  }, 60_000);
});
