/**
 * Sessions belong to the agents subgraph: a GoHighLevel message for an agent and a contact with no open
 * session makes coaching state `coaching.ghl_conversation.started`; agents opens the session (its own id)
 * and coaching processes the message once it has learned that session. Through the whole platform (the
 * gateway's webhook route, outbox, events — Redis Streams with PostgreSQL), with many new conversations of
 * two tenants and a pool agent arriving at once, each conversation's messages in flight together, repeated
 * deliveries and redeliveries of one GHL message under new webhook ids: exactly one session per
 * conversation, opened by agents, every message on it once, hints for it, no delivery lost or dead.
 */
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { demoAgents, DEMO } from '../../bin/demo-plan';
import { eventually } from '../helpers/eventually';
import { describeEachDb } from '../helpers/variants';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

type Tenant = 'acme' | 'summit';
interface Lane {
  tenant: Tenant;
  agentId: string;
  /** The agent's location (null: the shared pool). */
  locationId: string | null;
  ghlLocationId: string;
  ghlUserId: string;
}

const CONTACTS_PER_AGENT = 8;
const MESSAGES_PER_CONTACT = 3;

const SESSIONS = `query ($contactId: String!) {
  agentSessions(first: 10, filter: { contactId: $contactId }) {
    edges { node { id agentId locationId contactId active turns(last: 50) { text source } hints(first: 5) { id } } }
  }
}`;
const PENDING = `{ ghlWebhookDeliveries(first: 200, status: PENDING) { webhookId } }`;
const DEAD = `{ ghlWebhookDeliveries(first: 200, status: DEAD) { webhookId reason detail } }`;

interface SessionNode {
  id: string;
  agentId: string;
  locationId: string | null;
  contactId: string;
  active: boolean;
  turns: { text: string; source: string }[];
  hints: { id: string }[];
}

describeEachDb('new GoHighLevel conversations: agents opens the sessions (%s)', (kind) => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  let t: TestPlatform;
  const [acme, summit] = [demoAgents('acme'), demoAgents('summit')];
  const loc = (tenant: Tenant, id: string | null) =>
    DEMO[tenant].locations.find((l) => l.id === id)?.ghlLocationId ?? DEMO[tenant].locations[0].ghlLocationId;
  const lanes: Lane[] = [
    { tenant: 'acme', agent: acme[0]! },
    { tenant: 'acme', agent: acme[1]! },
    // the shared pool (no location): its messages arrive at the tenant's first location
    { tenant: 'acme', agent: acme.find((a) => a.locationId === null)! },
    { tenant: 'summit', agent: summit[0]! },
  ].map(({ tenant, agent }, i) => ({
    tenant: tenant as Tenant,
    agentId: agent.id,
    locationId: agent.locationId,
    ghlLocationId: loc(tenant as Tenant, agent.locationId),
    ghlUserId: `ghl-user-${tenant}-${i}`,
  }));
  const key = (tenant: Tenant) => ({ 'x-api-key': t.apiKeys[tenant] });

  const post = async (body: Record<string, unknown>, k: KeyObject = privateKey): Promise<number> => {
    const raw = Buffer.from(JSON.stringify(body));
    const res = await fetch(new URL('/webhooks/ghl', t.url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-ghl-signature': sign(null, raw, k).toString('base64'),
      },
      body: new Uint8Array(raw),
    });
    return res.status;
  };
  const message = (lane: Lane, contactId: string, text: string) => ({
    type: 'InboundMessage',
    webhookId: randomUUID(),
    timestamp: new Date().toISOString(),
    locationId: lane.ghlLocationId,
    contactId,
    userId: lane.ghlUserId,
    conversationId: `conv-${contactId}`,
    messageId: `msg-${randomUUID()}`,
    messageType: 'SMS',
    body: text,
  });
  const deliveries = async (tenant: Tenant, query: string) => {
    const res = await t.gql<{
      ghlWebhookDeliveries: { webhookId: string; reason?: string; detail?: string }[];
    }>(query, {}, key(tenant));
    expect(res.errors).toBeUndefined();
    return res.data!.ghlWebhookDeliveries;
  };
  const sessionsOf = async (tenant: Tenant, contactId: string): Promise<SessionNode[]> => {
    const res = await t.gql<{ agentSessions: { edges: { node: SessionNode }[] } }>(
      SESSIONS,
      { contactId },
      key(tenant),
    );
    expect(res.errors).toBeUndefined();
    return res.data!.agentSessions.edges.map((e) => e.node);
  };

  beforeAll(async () => {
    t = await startTestPlatform(kind, { GHL_ED25519_PUBLIC_KEY: pem, RATE_LIMIT_PER_MINUTE: '100000' });
    for (const lane of lanes) {
      const upd = await t.gql(
        'mutation ($id: ID!, $input: UpdateAgentInput!) { updateAgent(id: $id, input: $input) { id } }',
        { id: lane.agentId, input: { ghlUserId: lane.ghlUserId } },
        key(lane.tenant),
      );
      expect(upd.errors).toBeUndefined();
    }
    // coaching learns each agent's GHL user id from agents' events: a probe message per agent is matched
    // (its session opened, its turn recorded) once it has
    await Promise.all(
      lanes.map((lane) =>
        eventually(
          async () => {
            const contactId = `probe-${randomUUID().slice(0, 8)}`;
            expect(await post(message(lane, contactId, 'probe'))).toBe(202);
            const sessions = await eventually(
              async () => {
                if ((await deliveries(lane.tenant, PENDING)).length > 0) return false;
                return sessionsOf(lane.tenant, contactId);
              },
              { timeoutMs: 20_000, what: 'the probe to settle' },
            );
            expect(sessions.map((s) => s.turns.length)).toEqual([1]);
          },
          { timeoutMs: 60_000, intervalMs: 200, what: `coaching to know ${lane.ghlUserId}` },
        ),
      ),
    );
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  test('many new conversations at once, across tenants: one session each (agents’ id), every message on it once, hints', async () => {
    const deadBefore = {
      acme: (await deliveries('acme', DEAD)).length,
      summit: (await deliveries('summit', DEAD)).length,
    };
    const convs = lanes.flatMap((lane) =>
      Array.from({ length: CONTACTS_PER_AGENT }, (_, i) => ({
        lane,
        contactId: `new-${lane.ghlUserId}-${i}-${randomUUID().slice(0, 6)}`,
      })),
    );
    const sends: Promise<number>[] = [];
    const expected: number[] = [];
    for (const c of convs) {
      const msgs = Array.from({ length: MESSAGES_PER_CONTACT }, (_, k) =>
        message(c.lane, c.contactId, `${c.contactId} says ${k}: is the house on Elm still available?`),
      );
      for (const m of msgs) {
        sends.push(post(m));
        expected.push(202);
      }
      // the same delivery again (GHL retrying): answered as a duplicate
      sends.push(post(msgs[0]!));
      expected.push(200);
      // the same GHL message under a new webhook id: accepted, recorded once
      sends.push(post({ ...msgs[1]!, webhookId: randomUUID() }));
      expected.push(202);
    }
    const statuses = await Promise.all(sends);
    // a duplicate racing its original may be the one stored: compare counts, not positions
    const count = (xs: number[], v: number) => xs.filter((x) => x === v).length;
    expect([count(statuses, 202), count(statuses, 200)]).toEqual([
      count(expected, 202),
      count(expected, 200),
    ]);

    for (const tenant of ['acme', 'summit'] as const) {
      await eventually(async () => (await deliveries(tenant, PENDING)).length === 0, {
        timeoutMs: 120_000,
        intervalMs: 100,
        what: `${tenant}'s deliveries to be processed`,
      });
    }
    for (const c of convs) {
      const sessions = await eventually(
        async () => {
          const s = await sessionsOf(c.lane.tenant, c.contactId);
          expect(s.map((x) => x.turns.length)).toEqual([MESSAGES_PER_CONTACT]);
          // hints are stored after the turns (the coaching run follows the commit)
          expect(s[0]!.hints.length).toBeGreaterThan(0);
          return s;
        },
        { timeoutMs: 30_000, intervalMs: 50, what: `${c.contactId}'s session and hints` },
      );
      const [s] = sessions;
      expect({ agentId: s!.agentId, locationId: s!.locationId, active: s!.active }).toEqual({
        agentId: c.lane.agentId,
        locationId: c.lane.locationId,
        active: true,
      });
      expect(s!.turns.map((x) => x.text).sort()).toEqual(
        Array.from(
          { length: MESSAGES_PER_CONTACT },
          (_, k) => `${c.contactId} says ${k}: is the house on Elm still available?`,
        ).sort(),
      );
      expect(s!.turns.every((x) => x.source === 'GHL')).toBe(true);
    }
    // the other tenant sees none of them
    const foreign = convs.find((c) => c.lane.tenant === 'acme')!;
    expect(await sessionsOf('summit', foreign.contactId)).toEqual([]);
    expect((await deliveries('acme', DEAD)).length).toBe(deadBefore.acme);
    expect((await deliveries('summit', DEAD)).length).toBe(deadBefore.summit);
  }, 240_000);
});
