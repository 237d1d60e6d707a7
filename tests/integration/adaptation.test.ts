/**
 * Adaptation through the gateway: three agents of one organization — a novice and an expert buyer's agent and a
 * transaction coordinator — get the same lead message. What the widget receives differs in content: the novice
 * gets a script, why and numbered steps, the expert strategy and risks with no script, the coordinator an
 * escalation to the agent (never a showing or a calendar invite), and each hint's next-best action is the role's.
 * Offline coach (no model key): the advice comes from the agent's role and experience as the agents subgraph
 * published them.
 */
import { randomUUID } from 'node:crypto';
import { DEMO } from '../../bin/demo-plan';
import { LiveSession, startSession, type LiveHint } from '../helpers/live-session';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

const LEAD = "Honestly that number is way more than we're willing to pay. It feels too expensive.";

describe('coaching adapts to the agent through the gateway', () => {
  let t: TestPlatform;
  const live: LiveSession[] = [];

  beforeAll(async () => {
    t = await startTestPlatform('sqlite');
  }, 120_000);

  afterAll(async () => {
    for (const s of live) await s.close();
    await t?.close();
  });

  async function createAgent(role: string, experience: string): Promise<string> {
    const tag = randomUUID().slice(0, 8);
    const r = await t.gql<{ createAgent: { id: string } }>(
      'mutation ($input: CreateAgentInput!) { createAgent(input: $input) { id } }',
      {
        input: {
          name: `Adapt ${tag}`,
          email: `adapt-${tag}@example.com`,
          role,
          experience,
          specializations: [],
          locationId: DEMO.acme.locations[0].id,
        },
      },
      { 'x-api-key': t.apiKeys.acme },
    );
    expect(r.errors).toBeUndefined();
    return r.data!.createAgent.id;
  }

  async function firstHint(role: string, experience: string): Promise<LiveHint> {
    const agentId = await createAgent(role, experience);
    const sessionId = await startSession(t, t.apiKeys.acme, agentId, `adapt-${randomUUID()}`);
    const s = await LiveSession.open(t, t.apiKeys.acme, sessionId);
    live.push(s);
    expect((await s.addTurn('LEAD', LEAD)).errors).toBeUndefined();
    return s.until(
      () => s.completed().find((h) => h.category === 'OBJECTION_HANDLING'),
      'the objection hint',
    );
  }

  it('a novice, an expert and a coordinator get different advice for the same message', async () => {
    const novice = await firstHint('BUYER_AGENT', 'NOVICE');
    const expert = await firstHint('BUYER_AGENT', 'EXPERT');
    const tc = await firstHint('TRANSACTION_COORDINATOR', 'NOVICE');

    expect(novice.text).toMatch(/^Say: "[^"]{20,}" — why: .+ Steps: 1\) .+ 2\) .+ 3\) /);
    expect(expert.text).not.toContain('"');
    expect(expert.text).toMatch(/Watch: .+; .+\.$/);
    // the expert's strategy is not a sentence of the novice's hint
    expect(novice.text).not.toContain(expert.text.slice(0, expert.text.indexOf(' Watch:')));

    expect(tc.text).toMatch(/agent/i);
    expect(tc.text).not.toMatch(/calendar invite|showing|saved search|buyer consultation/i);
    expect(new Set([novice.nextBestAction, tc.nextBestAction]).size).toBe(2);
    expect(tc.nextBestAction).toMatch(/escalate to the agent/i);
  }, 60_000);
});
