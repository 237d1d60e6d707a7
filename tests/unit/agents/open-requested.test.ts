import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { agentsSubgraph, AgentSession, AGENTS_CONSUMER } from '../../../subgraphs/agents';
import { agentsEventHandler, parseOpenRequest } from '../../../subgraphs/agents/consumers';
import { makeEvent } from '../../../core/events/envelope';
import { withTenantScope } from '../../../core/db/request-scope';
import { ProcessedEvent } from '../../../core/outbox';
import {
  ConversationStage,
  EventTypes,
  type AgentSessionUpsertedPayload,
  type EventEnvelope,
  type SessionOpenRequestedPayload,
} from '../../../core/vocabulary';
import { describeEachDb } from '../../helpers/variants';
import { startHarness, type SubgraphHarness } from '../../helpers/subgraph-harness';
import {
  announceWorld,
  SESSION_FIELDS,
  createAgent,
  expectError,
  makeWorld,
  settleEvents,
  startSession,
  stopTestRelay,
  type AgentView,
  type SessionView,
} from './fixtures';

const GET = `query($id: ID!) { agentSession(id: $id) { ${SESSION_FIELDS} } }`;
const DEACTIVATE = `mutation($id: ID!) { deactivateAgent(id: $id) { id active } }`;

describeEachDb('agents.session.open.requested consumer (%s)', (kind) => {
  let h: SubgraphHarness;
  const w = makeWorld();
  let agent: AgentView;
  let agentB: AgentView;
  const received: EventEnvelope<AgentSessionUpsertedPayload>[] = [];

  function openRequest(
    overrides: Partial<SessionOpenRequestedPayload> = {},
    tenantId = w.tenantA,
  ): EventEnvelope<SessionOpenRequestedPayload> {
    return makeEvent(EventTypes.agentSessionOpenRequested, tenantId, {
      sessionId: randomUUID(),
      agentId: agent.id,
      // coaching's routed location; the session takes the agent's own
      locationId: w.loc2,
      contactId: 'ghlContactXYZ',
      stage: ConversationStage.QUALIFICATION,
      source: 'GHL' as const,
      ...overrides,
    });
  }

  async function deliver(...events: EventEnvelope[]): Promise<void> {
    await Promise.all(events.map((e) => h.events.publish(e)));
    await settleEvents(h);
  }

  async function sessionsWithId(id: string): Promise<AgentSession[]> {
    return withTenantScope(h.db.orm, w.tenantA, (em) => em.find(AgentSession, { id }));
  }

  beforeAll(async () => {
    h = await startHarness(agentsSubgraph, kind);
    await announceWorld(h, w);
    await h.events.subscribe('test-open', [EventTypes.agentSessionUpserted], async (e) => {
      received.push(e as EventEnvelope<AgentSessionUpsertedPayload>);
    });
    agent = await createAgent(h, w.owner, { name: 'Ghl Agent', locationId: w.loc1 });
    agentB = await createAgent(h, w.ownerB, { name: 'Other Tenant Agent', locationId: w.locB });
  });
  afterAll(async () => {
    if (h) await stopTestRelay(h);
    await h?.close();
  });
  beforeEach(async () => {
    await settleEvents(h);
    received.length = 0;
  });

  it('creates the session with exactly the requested id, copying the agent’s location, and publishes it', async () => {
    const event = openRequest();
    await deliver(event);
    const res = await h.exec<{ agentSession: SessionView }>(w.owner, GET, { id: event.payload.sessionId });
    expect(res.errors).toBeUndefined();
    expect(res.data?.agentSession).toEqual({
      id: event.payload.sessionId,
      agentId: agent.id,
      locationId: w.loc1,
      contactId: 'ghlContactXYZ',
      channel: 'SMS',
      stage: 'QUALIFICATION',
      context: {},
      startedAt: event.at,
      endedAt: null,
      active: true,
    });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      type: EventTypes.agentSessionUpserted,
      tenantId: w.tenantA,
      payload: {
        sessionId: event.payload.sessionId,
        agentId: agent.id,
        locationId: w.loc1,
        contactId: 'ghlContactXYZ',
        stage: 'QUALIFICATION',
        active: true,
      },
    });
    const processed = await withTenantScope(h.db.orm, w.tenantA, (em) =>
      em.count(ProcessedEvent, { consumer: AGENTS_CONSUMER, eventId: event.id }),
    );
    expect(processed).toBe(1);
  });

  it('uses the channel when the request carries one', async () => {
    const event = openRequest({ channel: 'EMAIL' });
    await deliver(event);
    const res = await h.exec<{ agentSession: SessionView }>(w.owner, GET, { id: event.payload.sessionId });
    expect(res.data?.agentSession.channel).toBe('EMAIL');
  });

  it('is idempotent: a replayed (even concurrently) event leaves one session and one event', async () => {
    const event = openRequest();
    await deliver(event, event);
    await deliver(event);
    expect(await sessionsWithId(event.payload.sessionId)).toHaveLength(1);
    expect(received.map((e) => e.payload.sessionId)).toEqual([event.payload.sessionId]);
  });

  it('leaves an existing session alone when another event requests the same id', async () => {
    const first = openRequest();
    await deliver(first);
    received.length = 0;
    const again = openRequest({
      sessionId: first.payload.sessionId,
      contactId: 'someoneElse',
      stage: ConversationStage.SHOWING,
    });
    await deliver(again);
    const [row] = await sessionsWithId(first.payload.sessionId);
    expect(row).toMatchObject({ contactId: 'ghlContactXYZ', stage: 'QUALIFICATION' });
    expect(received).toHaveLength(0);
    // a session started through the API is an existing id too
    const started = await startSession(h, w.owner, { agentId: agent.id, contactId: 'apiContact' });
    await settleEvents(h);
    received.length = 0;
    await deliver(openRequest({ sessionId: started.id }));
    expect((await sessionsWithId(started.id))[0]?.contactId).toBe('apiContact');
    expect(received).toHaveLength(0);
  });

  it('skips an unknown agent, and an agent of another tenant', async () => {
    const unknown = openRequest({ agentId: randomUUID() });
    const foreign = openRequest({ agentId: agentB.id });
    await deliver(unknown, foreign);
    expectError(await h.exec(w.owner, GET, { id: unknown.payload.sessionId }), 'NOT_FOUND');
    expectError(await h.exec(w.owner, GET, { id: foreign.payload.sessionId }), 'NOT_FOUND');
    expectError(await h.exec(w.ownerB, GET, { id: foreign.payload.sessionId }), 'NOT_FOUND');
    expect(await sessionsWithId(unknown.payload.sessionId)).toHaveLength(0);
    expect(await sessionsWithId(foreign.payload.sessionId)).toHaveLength(0);
    expect(received).toHaveLength(0);
  });

  it('skips an inactive agent (deactivation ended its sessions; it opens none)', async () => {
    const inactive = await createAgent(h, w.owner, { locationId: w.loc1 });
    expect((await h.exec(w.owner, DEACTIVATE, { id: inactive.id })).errors).toBeUndefined();
    await settleEvents(h);
    received.length = 0;
    const event = openRequest({ agentId: inactive.id });
    await deliver(event);
    expect(await sessionsWithId(event.payload.sessionId)).toHaveLength(0);
    expect(received).toHaveLength(0);
  });

  it('skips an id already used in another tenant without poisoning the consumer', async () => {
    const theirs = await startSession(h, w.ownerB, { agentId: agentB.id, contactId: 'tenantBContact' });
    await settleEvents(h);
    received.length = 0;
    const clash = openRequest({ sessionId: theirs.id });
    const fine = openRequest();
    await deliver(clash);
    await deliver(fine);
    const b = await h.exec<{ agentSession: SessionView }>(w.ownerB, GET, { id: theirs.id });
    expect(b.data?.agentSession).toMatchObject({ agentId: agentB.id, contactId: 'tenantBContact' });
    expectError(await h.exec(w.owner, GET, { id: theirs.id }), 'NOT_FOUND');
    expect(received.map((e) => e.payload.sessionId)).toEqual([fine.payload.sessionId]);
    // recorded as processed (skipped for good), not failed and retried
    const processed = await withTenantScope(h.db.orm, w.tenantA, (em) =>
      em.count(ProcessedEvent, { consumer: AGENTS_CONSUMER, eventId: { $in: [clash.id, fine.id] } }),
    );
    expect(processed).toBe(2);
  });

  it('ignores malformed requests and logs why', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const handler = agentsEventHandler({
      orm: h.db.orm,
      events: h.events,
      logger: pino({ level: 'info' }, sink),
    });
    const bad = openRequest({ sessionId: 'not-a-uuid' });
    await handler(bad);
    await handler(openRequest({ agentId: randomUUID() }));
    await handler(openRequest({ channel: 'PIGEON' }));
    await settleEvents(h);
    expect(received).toHaveLength(0);
    expect(lines.join('')).toMatch(/malformed session open request[\s\S]*unknown agent[\s\S]*malformed/);
    expect(
      await withTenantScope(h.db.orm, w.tenantA, (em) => em.count(ProcessedEvent, { eventId: bad.id })),
    ).toBe(0);
  });

  it('parses payloads strictly', () => {
    const ok = {
      sessionId: randomUUID().toUpperCase(),
      agentId: randomUUID(),
      contactId: ' c1 ',
      stage: 'SHOWING',
    };
    expect(parseOpenRequest(ok)).toMatchObject({
      sessionId: ok.sessionId.toLowerCase(),
      contactId: 'c1',
      channel: 'SMS',
      stage: 'SHOWING',
    });
    expect(parseOpenRequest(null)).toEqual(expect.any(String));
    expect(parseOpenRequest({ ...ok, stage: 'LOST' })).toMatch(/stage/);
    expect(parseOpenRequest({ ...ok, contactId: 'has space' })).toMatch(/contactId/);
    expect(parseOpenRequest({ ...ok, channel: 7 })).toMatch(/channel/);
  });
});
