/**
 * `coachingHints(sessionId, since)`: the hints stored at or after `since` come first as COMPLETED events,
 * then the live ones, each hint once; hints older than `since` are not replayed; another tenant naming the
 * session stays NOT_FOUND (the replay reads in the caller's tenant scope only).
 */
import { describeEachDb } from '../../helpers/variants';
import { principal } from '../../helpers/principals';
import { sessionChannel } from '../../../subgraphs/coaching';
import {
  feedReadModels,
  fixture,
  startCoaching,
  subscribe,
  waitForSubscribers,
  wsClient,
  type CoachingHarness,
  type Fixture,
} from './support/live-harness';
import { ADD_TURN } from './support/operations';

interface Event {
  type: string;
  runId: string;
  index: number;
  hint: { id: string; requestId: string; createdAt: string } | null;
}

const SUB = `subscription($s: ID!, $since: DateTime) {
  coachingHints(sessionId: $s, since: $since) { type runId index hint { id requestId createdAt } }
}`;

const STORED = `query($reps: [_Any!]!) {
  _entities(representations: $reps) { ... on AgentSession { hints(first: 100) { id requestId createdAt } } }
}`;

describeEachDb('coachingHints since (%s)', (kind) => {
  let h: CoachingHarness;
  let f: Fixture;
  const owner = () => principal({ tenantId: f.tenantId });
  const clients: { dispose(): unknown }[] = [];

  beforeEach(async () => {
    h = await startCoaching(kind);
    f = fixture();
    await feedReadModels(h, f);
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) await c.dispose();
    await h.close();
  });

  async function leadTurnSettled(text: string) {
    const res = await h.exec(owner(), ADD_TURN, { input: { sessionId: f.sessionId, speaker: 'LEAD', text } });
    expect(res.errors).toBeUndefined();
    await h.settle();
    const stored = await h.exec<{ _entities: { hints: Event['hint'][] }[] }>(owner(), STORED, {
      reps: [{ __typename: 'AgentSession', id: f.sessionId }],
    });
    expect(stored.errors).toBeUndefined();
    return stored.data!._entities[0]!.hints.map((x) => x!);
  }

  test('hints made between `since` and the subscribe arrive exactly once, then live ones; older ones not', async () => {
    const before = await leadTurnSettled("We're pre-approved for $450k but the prices seem too high.");
    expect(before.length).toBeGreaterThan(0);
    const since = new Date(Math.max(...before.map((x) => Date.parse(x.createdAt))) + 1);
    const all = await leadTurnSettled('We need 3 bedrooms in Austin, and the HOA fee worries us.');
    const offline = all.filter((x) => !before.some((b) => b.id === x.id));
    expect(offline.length).toBeGreaterThan(0);

    const client = wsClient(h.wsUrl, await h.codec.sign(owner()));
    clients.push(client);
    const sub = subscribe<Event>(
      client,
      SUB,
      { s: f.sessionId, since: since.toISOString() },
      'coachingHints',
    );
    const completedIds = (items: Event[]) =>
      items.filter((e) => e.type === 'COMPLETED').map((e) => e.hint!.id);
    await sub.until((items) => offline.every((x) => completedIds(items).includes(x.id)));
    // each replayed hint at its run and index, as the live stream would have sent it
    for (const e of sub.items.filter((x) => x.type === 'COMPLETED')) expect(e.runId).toBe(e.hint!.requestId);
    await waitForSubscribers(h.pubsub, sessionChannel(f.tenantId, f.sessionId));

    const later = await leadTurnSettled('Can we see something in Round Rock this weekend?');
    const live = later.filter((x) => !all.some((a) => a.id === x.id));
    expect(live.length).toBeGreaterThan(0);
    await sub.until((items) => live.every((x) => completedIds(items).includes(x.id)));
    const ids = completedIds(sub.items);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...offline, ...live].map((x) => x.id).sort());
    expect(ids.some((id) => before.some((b) => b.id === id))).toBe(false);
    expect(sub.errors).toEqual([]);
  });

  test('another tenant naming the session with `since` gets NOT_FOUND and none of its hints', async () => {
    await leadTurnSettled("We're pre-approved for $450k but the prices seem too high.");
    const stranger = principal({ tenantId: `${f.tenantId}-other` });
    const client = wsClient(h.wsUrl, await h.codec.sign(stranger));
    clients.push(client);
    const sub = subscribe<Event>(
      client,
      SUB,
      { s: f.sessionId, since: new Date(0).toISOString() },
      'coachingHints',
    );
    await expect(sub.until(() => false, 15_000)).rejects.toThrow(/NOT_FOUND/);
    expect(sub.items).toEqual([]);
  });
});
