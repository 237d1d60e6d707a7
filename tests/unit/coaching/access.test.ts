/**
 * Visibility of sessions: another tenant, an AGENT who is not the session's agent, and a manager of
 * other locations get NOT_FOUND (like a missing session) on reads, writes and subscriptions; the
 * session's own agent gets through; scopes are enforced; the WebSocket needs a valid context token.
 */
import { describeEachDb } from '../../helpers/variants';
import { principal } from '../../helpers/principals';
import { MemberRole } from '../../../core/vocabulary';
import type { Principal } from '../../../core/principal';
import { sessionChannel } from '../../../subgraphs/coaching';
import {
  feedReadModels,
  fixture,
  startCoaching,
  subscribe,
  waitFor,
  waitForSubscribers,
  wsClient,
  type CoachingHarness,
  type Fixture,
} from './support/live-harness';
import {
  ADD_TURN,
  HINT_BY_ID,
  HINTS_SUB,
  RATE,
  REQUEST,
  SESSION_FIELDS,
  sessionRep,
  type HintEventView,
  type SessionFieldsView,
} from './support/operations';

describeEachDb('coaching access (%s)', (kind) => {
  let h: CoachingHarness;
  let f: Fixture;
  let hintId: string;

  beforeAll(async () => {
    h = await startCoaching(kind);
    f = fixture();
    await feedReadModels(h, f);
    const owner = principal({ tenantId: f.tenantId });
    await h.exec(owner, ADD_TURN, {
      input: { sessionId: f.sessionId, speaker: 'LEAD', text: 'What would you charge to sell my condo?' },
    });
    await h.settle();
    const stored = await h.exec<SessionFieldsView>(owner, SESSION_FIELDS, sessionRep(f.sessionId));
    hintId = stored.data!._entities[0]!.hints[0]!.id;
  });
  afterAll(async () => {
    await h.close();
  });

  const OUTSIDERS = [
    'another tenant',
    'an AGENT who is not the session agent',
    'an AGENT without an agent profile',
    'a manager of other locations',
  ] as const;
  const outsider = (who: (typeof OUTSIDERS)[number]): Principal => {
    switch (who) {
      case 'another tenant':
        return principal({ tenantId: `${f.tenantId}-other` });
      case 'an AGENT who is not the session agent':
        return principal({ tenantId: f.tenantId, role: MemberRole.AGENT, agentId: f.otherAgentId });
      case 'an AGENT without an agent profile':
        return principal({ tenantId: f.tenantId, role: MemberRole.AGENT });
      case 'a manager of other locations':
        return principal({ tenantId: f.tenantId, role: MemberRole.MANAGER, locationIds: ['elsewhere'] });
    }
  };

  it.each(OUTSIDERS)('%s cannot read, write or rate in the session', async (who) => {
    const p = outsider(who);
    const read = await h.exec(p, SESSION_FIELDS, sessionRep(f.sessionId));
    expect(read.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const write = await h.exec(p, ADD_TURN, {
      input: { sessionId: f.sessionId, speaker: 'LEAD', text: 'hello' },
    });
    expect(write.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const run = await h.exec(p, REQUEST, { s: f.sessionId, q: 'help?' });
    expect(run.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const rate = await h.exec(p, RATE, { id: hintId, v: 'DISMISSED' });
    expect(rate.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const byId = await h.exec<{ coachingHint: unknown }>(p, HINT_BY_ID, { id: hintId });
    expect(byId.errors).toBeUndefined();
    expect(byId.data?.coachingHint).toBeNull();
  });

  it.each(OUTSIDERS)('%s cannot subscribe to the session', async (who) => {
    const p = outsider(who);
    const client = wsClient(h.wsUrl, await h.codec.sign(p));
    const sub = subscribe<HintEventView>(client, HINTS_SUB, { s: f.sessionId }, 'coachingHints');
    await waitFor(() => sub.errors.length > 0 || sub.completed);
    expect(JSON.stringify(sub.errors)).toContain('NOT_FOUND');
    expect(h.pubsub.subscriberCount(sessionChannel(p.tenantId, f.sessionId))).toBe(0);
    await client.dispose();
  });

  it("lets the session's own AGENT read and subscribe", async () => {
    const agent = principal({
      tenantId: f.tenantId,
      role: MemberRole.AGENT,
      agentId: f.agentId,
      locationIds: [f.locationId],
    });
    const read = await h.exec<SessionFieldsView>(agent, SESSION_FIELDS, sessionRep(f.sessionId));
    expect(read.errors).toBeUndefined();
    expect(read.data!._entities[0]!.turns.length).toBeGreaterThan(0);
    const client = wsClient(h.wsUrl, await h.codec.sign(agent));
    const sub = subscribe<HintEventView>(client, HINTS_SUB, { s: f.sessionId }, 'coachingHints');
    await waitForSubscribers(h.pubsub, sessionChannel(f.tenantId, f.sessionId));
    expect(sub.errors).toEqual([]);
    sub.dispose();
    await client.dispose();
  });

  it('enforces scopes: coaching:read to read, coaching:write to write', async () => {
    const noRead = principal({ tenantId: f.tenantId, scopes: ['agents:read'] });
    const read = await h.exec(noRead, SESSION_FIELDS, sessionRep(f.sessionId));
    expect(read.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const readOnly = principal({ tenantId: f.tenantId, scopes: ['coaching:read'] });
    const write = await h.exec(readOnly, ADD_TURN, {
      input: { sessionId: f.sessionId, speaker: 'LEAD', text: 'hello' },
    });
    expect(write.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      requiredScope: 'coaching:write',
    });
  });

  it('closes a WebSocket without a valid context token with 4401', async () => {
    for (const token of [null, 'not-a-token']) {
      let code = 0;
      const client = wsClient(h.wsUrl, token, (c) => {
        code = c;
      });
      const sub = subscribe<HintEventView>(client, HINTS_SUB, { s: f.sessionId }, 'coachingHints');
      await waitFor(() => code !== 0);
      expect(code).toBe(4401);
      sub.dispose();
      await client.dispose();
    }
  });

  it('serves only subscriptions over WebSocket', async () => {
    const client = wsClient(h.wsUrl, await h.codec.sign(principal({ tenantId: f.tenantId })));
    const sub = subscribe<unknown>(
      client,
      ADD_TURN,
      { input: { sessionId: f.sessionId, speaker: 'LEAD', text: 'hi' } },
      'addConversationTurn',
    );
    await waitFor(() => sub.errors.length > 0);
    expect(JSON.stringify(sub.errors)).toContain('only subscriptions');
    await client.dispose();
  });

  it('rejects an HTTP request without a context token', async () => {
    const res = await h.exec(null, SESSION_FIELDS, sessionRep(f.sessionId));
    expect(res.status).toBe(401);
  });
});
