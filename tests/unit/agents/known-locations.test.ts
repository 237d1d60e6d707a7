/**
 * The agents subgraph's read model of the tenants' locations (`known_locations`): fed by
 * `tenants.location.upserted` once per event, a late older event does not overwrite a newer one, a
 * malformed event is skipped. (Old databases got it from the old migration 0003, with the locations agents
 * already had backfilled; they now upgrade as a whole: tests/integration/legacy-upgrade.test.ts.)
 */
import { randomUUID } from 'node:crypto';
import { withTenantScope } from '../../../core/db/request-scope';
import { makeEvent } from '../../../core/events/envelope';
import { EventTypes, type EventEnvelope, type LocationUpsertedPayload } from '../../../core/vocabulary';
import { agentsSubgraph } from '../../../subgraphs/agents';
import { KnownLocation } from '../../../subgraphs/agents/entities';
import { startHarness, type SubgraphHarness } from '../../helpers/subgraph-harness';
import { describeEachDb } from '../../helpers/variants';
import {
  agentInput,
  announceLocations,
  announceWorld,
  countQueries,
  CREATE_AGENT,
  expectError,
  makeWorld,
} from './fixtures';

/** Resolves once `check()` holds, looking again on every turn of the event loop (no fixed sleep). */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setImmediate(r));
}

function locationEvent(
  tenantId: string,
  locationId: string,
  organizationId: string,
  at: Date,
): EventEnvelope {
  const payload: LocationUpsertedPayload = { locationId, organizationId, ghlLocationId: null, name: 'L' };
  return { ...makeEvent(EventTypes.tenantLocationUpserted, tenantId, payload), at: at.toISOString() };
}

describeEachDb('agents: known locations (%s)', (kind) => {
  let h: SubgraphHarness;
  const w = makeWorld();

  beforeAll(async () => {
    h = await startHarness(agentsSubgraph, kind);
    await announceWorld(h, w);
  });
  afterAll(async () => {
    await h?.close();
  });

  const known = (tenantId: string) =>
    withTenantScope(h.db.orm, tenantId, (em) =>
      em.find(KnownLocation, {}, { orderBy: { locationId: 'asc' } }),
    );

  test('each event applied once, in its tenant; a late older event keeps the newer row; a malformed one is skipped', async () => {
    const loc = randomUUID();
    const newer = locationEvent(w.tenantA, loc, 'org-new', new Date('2026-06-02T00:00:00Z'));
    const older = locationEvent(w.tenantA, loc, 'org-old', new Date('2026-06-01T00:00:00Z'));
    const malformed = {
      ...locationEvent(w.tenantA, randomUUID(), 'org', new Date()),
      payload: { locationId: 42 },
    };
    // the newer one twice (a redelivery) and a malformed one, all together; then the older one, late
    await Promise.all([newer, newer, malformed].map((e) => h.events.publish(e)));
    await h.events.drain();
    await h.events.publish(older);
    await h.events.drain();
    const rows = (await known(w.tenantA)).filter((r) => r.locationId === loc);
    expect(rows.map((r) => [r.tenantId, r.organizationId])).toEqual([[w.tenantA, 'org-new']]);
    expect((await known(w.tenantB)).map((r) => r.locationId)).toEqual([w.locB]);
  });

  test('createAgent at a location whose event is still on its way waits for it, then succeeds; others are refused', async () => {
    const fresh = [randomUUID(), randomUUID(), randomUUID()];
    const lookups = countQueries(h.db.orm, /known_locations/);
    try {
      const creating = fresh.map((locationId) =>
        h.exec<{ createAgent: { locationId: string } }>(w.owner, CREATE_AGENT, {
          input: agentInput({ locationId }),
        }),
      );
      // tenant B asks for the same ids at the same time: they will be tenant A's, never B's
      const foreign = fresh.map((locationId) =>
        h.exec(w.ownerB, CREATE_AGENT, { input: agentInput({ locationId }) }),
      );
      // every request has looked once and found nothing: now the tenants subgraph's events arrive
      await until(() => lookups.count() >= fresh.length * 2);
      await announceLocations(h, w.tenantA, fresh);
      const created = await Promise.all(creating);
      expect(created.map((r) => r.errors)).toEqual(fresh.map(() => undefined));
      expect(created.map((r) => r.data?.createAgent.locationId)).toEqual(fresh);
      for (const r of await Promise.all(foreign)) expectError(r, 'BAD_USER_INPUT', 'locationId');
    } finally {
      lookups.stop();
    }
  });
});
