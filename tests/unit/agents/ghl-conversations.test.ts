/**
 * The agents consumer of `coaching.ghl_conversation.started`: agents owns sessions, so it opens the
 * conversation's session with an id of its own (or keeps the agent's open one with the contact) and
 * publishes `agents.session.upserted` with the GHL conversation id — exactly one session per conversation
 * however many starts arrive for it at once, in several tenants.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { agentsSubgraph, AgentSession, AGENTS_CONSUMER } from '../../../subgraphs/agents';
import { ghlConversationHandler, parseConversationStart } from '../../../subgraphs/agents/consumers';
import { makeEvent } from '../../../core/events/envelope';
import { withTenantScope } from '../../../core/db/request-scope';
import { ProcessedEvent } from '../../../core/outbox';
import {
  EventTypes,
  type AgentSessionUpsertedPayload,
  type EventEnvelope,
  type GhlConversationStartedPayload,
} from '../../../core/vocabulary';
import { describeEachDb } from '../../helpers/variants';
import { startHarness, type SubgraphHarness } from '../../helpers/subgraph-harness';
import {
  announceWorld,
  SESSION_FIELDS,
  createAgent,
  makeWorld,
  settleEvents,
  startSession,
  stopTestRelay,
  type AgentView,
  type SessionView,
} from './fixtures';

const GET = `query($id: ID!) { agentSession(id: $id) { ${SESSION_FIELDS} } }`;
const DEACTIVATE = `mutation($id: ID!) { deactivateAgent(id: $id) { id active } }`;

describeEachDb('agents: sessions of GHL conversations (%s)', (kind) => {
  let h: SubgraphHarness;
  const w = makeWorld();
  let agent: AgentView;
  let agentB: AgentView;
  const received: EventEnvelope<AgentSessionUpsertedPayload>[] = [];

  function started(
    overrides: Partial<GhlConversationStartedPayload> = {},
    tenantId = w.tenantA,
  ): EventEnvelope<GhlConversationStartedPayload> {
    return makeEvent(EventTypes.coachingGhlConversationStarted, tenantId, {
      ghlConversationId: `conv-${randomUUID().slice(0, 8)}`,
      ghlLocationId: 'ghl-loc-1',
      locationId: w.loc1,
      agentId: agent.id,
      contactId: `contact-${randomUUID().slice(0, 8)}`,
      webhookId: randomUUID(),
      messageId: 'msg-1',
      ...overrides,
    });
  }

  async function deliver(...events: EventEnvelope[]): Promise<void> {
    await Promise.all(events.map((e) => h.events.publish(e)));
    await settleEvents(h);
  }

  const sessionsOf = (tenantId: string, contactId: string) =>
    withTenantScope(h.db.orm, tenantId, (em) => em.find(AgentSession, { contactId }));

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

  it('opens a session with its own id at the agent’s location and publishes it with the conversation id', async () => {
    const event = started({ channel: 'EMAIL' });
    await deliver(event);
    const [row] = await sessionsOf(w.tenantA, event.payload.contactId);
    expect(row).toBeDefined();
    expect(row!.ghlConversationId).toBe(event.payload.ghlConversationId);
    const res = await h.exec<{ agentSession: SessionView }>(w.owner, GET, { id: row!.id });
    expect(res.data?.agentSession).toEqual({
      id: row!.id,
      agentId: agent.id,
      locationId: w.loc1,
      contactId: event.payload.contactId,
      channel: 'EMAIL',
      stage: 'INITIAL_CONTACT',
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
        sessionId: row!.id,
        agentId: agent.id,
        locationId: w.loc1,
        contactId: event.payload.contactId,
        active: true,
        ghlConversationId: event.payload.ghlConversationId,
      },
    });
    expect(
      await withTenantScope(h.db.orm, w.tenantA, (em) =>
        em.count(ProcessedEvent, { consumer: AGENTS_CONSUMER, eventId: event.id }),
      ),
    ).toBe(1);
  });

  it('one session per conversation: 30 conversations × 4 starts (redeliveries and new ids) in flight at once, two tenants', async () => {
    const convs = Array.from({ length: 30 }, (_, i) => ({
      tenant: i % 2 === 0 ? w.tenantA : w.tenantB,
      agentId: i % 2 === 0 ? agent.id : agentB.id,
      locationId: i % 2 === 0 ? w.loc1 : w.locB,
      contactId: `burst-${i}-${randomUUID().slice(0, 6)}`,
    }));
    const events = convs.flatMap((c) => {
      const first = started(
        {
          agentId: c.agentId,
          locationId: c.locationId,
          contactId: c.contactId,
          ghlConversationId: `conv-${c.contactId}`,
        },
        c.tenant,
      );
      const again = () => ({ ...started({ ...first.payload }, c.tenant) });
      return [first, first, again(), again()];
    });
    // as two consumer instances would: every start handled at once, none waiting for another
    const silent = pino({ level: 'silent' });
    const instances = [0, 1].map(() => ghlConversationHandler({ orm: h.db.orm, logger: silent }));
    await Promise.all(events.map((e, i) => instances[i % 2]!(e)));
    await settleEvents(h);
    for (const c of convs) {
      const rows = await sessionsOf(c.tenant, c.contactId);
      expect(rows.map((r) => [r.agentId, r.ghlConversationId])).toEqual([[c.agentId, `conv-${c.contactId}`]]);
    }
    const published = received.map((e) => e.payload.contactId);
    expect(published.sort()).toEqual(convs.map((c) => c.contactId).sort());
  });

  it('keeps the agent’s open session with the contact (started through the API) instead of opening another', async () => {
    const own = await startSession(h, w.owner, { agentId: agent.id, contactId: 'apiContact' });
    await settleEvents(h);
    received.length = 0;
    await deliver(started({ contactId: 'apiContact' }));
    expect((await sessionsOf(w.tenantA, 'apiContact')).map((s) => s.id)).toEqual([own.id]);
    expect(received).toHaveLength(0);
  });

  it('opens none for an unknown agent, another tenant’s agent, or an inactive agent', async () => {
    const inactive = await createAgent(h, w.owner, { locationId: w.loc1 });
    expect((await h.exec(w.owner, DEACTIVATE, { id: inactive.id })).errors).toBeUndefined();
    await settleEvents(h);
    received.length = 0;
    const events = [
      started({ agentId: randomUUID(), contactId: 'nobody-1' }),
      started({ agentId: agentB.id, contactId: 'nobody-2' }),
      started({ agentId: inactive.id, contactId: 'nobody-3' }),
    ];
    await deliver(...events);
    for (const c of ['nobody-1', 'nobody-2', 'nobody-3']) {
      expect(await sessionsOf(w.tenantA, c)).toHaveLength(0);
      expect(await sessionsOf(w.tenantB, c)).toHaveLength(0);
    }
    expect(received).toHaveLength(0);
  });

  it('ignores malformed starts and logs why', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const handler = ghlConversationHandler({ orm: h.db.orm, logger: pino({ level: 'info' }, sink) });
    const bad = started({ agentId: 'not-a-uuid' });
    await handler(bad);
    await handler(started({ channel: 'PIGEON' }));
    await settleEvents(h);
    expect(received).toHaveLength(0);
    expect(lines.join('')).toMatch(/malformed GHL conversation start[\s\S]*malformed/);
    expect(
      await withTenantScope(h.db.orm, w.tenantA, (em) => em.count(ProcessedEvent, { eventId: bad.id })),
    ).toBe(0);
  });

  it('parses payloads strictly', () => {
    const ok = { agentId: randomUUID().toUpperCase(), contactId: ' c1 ', ghlConversationId: 'conv-1' };
    expect(parseConversationStart(ok)).toMatchObject({
      agentId: ok.agentId.toLowerCase(),
      contactId: 'c1',
      channel: 'SMS',
      ghlConversationId: 'conv-1',
    });
    expect(parseConversationStart(null)).toEqual(expect.any(String));
    expect(parseConversationStart({ ...ok, contactId: 'has space' })).toMatch(/contactId/);
    expect(parseConversationStart({ ...ok, channel: 7 })).toMatch(/channel/);
    expect(parseConversationStart({ ...ok, ghlConversationId: 'x'.repeat(101) })).toMatch(
      /ghlConversationId/,
    );
  });
});
