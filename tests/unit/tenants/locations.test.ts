import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../../../core/vocabulary';
import { EventTypes } from '../../../core/vocabulary';
import { describeEachDb } from '../../helpers/variants';
import { startHarness, type SubgraphHarness } from '../../helpers/subgraph-harness';
import { tenantsSubgraph } from '../../../subgraphs/tenants';
import { A, B, agentA, dataOf, errorOf, managerA, ownerA, ownerB, seed } from './fixtures';

const CREATE = `mutation ($input: CreateLocationInput!) { createLocation(input: $input) { id organizationId ghlLocationId name timezone organization { id } } }`;
const UPDATE = `mutation ($input: UpdateLocationInput!) { updateLocation(input: $input) { id ghlLocationId name timezone } }`;

interface Loc {
  id: string;
  organizationId: string;
  ghlLocationId: string;
  name: string;
  timezone: string;
}

async function waitFor<T>(fn: () => T | undefined, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describeEachDb('locations (%s)', (kind) => {
  let h: SubgraphHarness;
  const events: EventEnvelope[] = [];
  beforeAll(async () => {
    h = await startHarness(tenantsSubgraph, kind);
    await h.events.subscribe('test', [EventTypes.tenantLocationUpserted], async (e) => {
      events.push(e);
    });
    await seed(h);
  });
  afterAll(() => h.close());

  it('creates and updates a location, publishing tenants.location.upserted through the outbox', async () => {
    const ghl = `ghl-${randomUUID()}`;
    const loc = dataOf(
      await h.exec<{ createLocation: Loc & { organization: { id: string } } }>(ownerA(), CREATE, {
        input: {
          organizationId: A.child,
          ghlLocationId: ghl,
          name: 'Round Rock',
          timezone: 'america/chicago',
        },
      }),
    ).createLocation;
    expect(loc).toMatchObject({
      organizationId: A.child,
      ghlLocationId: ghl,
      name: 'Round Rock',
      timezone: 'America/Chicago',
      organization: { id: A.child },
    });
    const upd = dataOf(
      await h.exec<{ updateLocation: Loc }>(ownerA(), UPDATE, {
        input: { id: loc.id, name: 'Round Rock North', timezone: 'America/Denver' },
      }),
    ).updateLocation;
    expect(upd).toMatchObject({ name: 'Round Rock North', timezone: 'America/Denver', ghlLocationId: ghl });
    const published = await waitFor(() => {
      const mine = events.filter((e) => (e.payload as { locationId: string }).locationId === loc.id);
      return mine.length === 2 ? mine : undefined;
    });
    expect(published.map((e) => e.payload)).toEqual([
      { locationId: loc.id, organizationId: A.child, ghlLocationId: ghl, name: 'Round Rock' },
      { locationId: loc.id, organizationId: A.child, ghlLocationId: ghl, name: 'Round Rock North' },
    ]);
    expect(published.every((e) => e.tenantId === A.id)).toBe(true);
  });

  it.each([['Mars/Olympus'], [''], ['America/Nowhere']])(
    'rejects time zone %p with BAD_USER_INPUT',
    async (timezone) => {
      const err = errorOf(
        await h.exec(ownerA(), CREATE, {
          input: { ghlLocationId: `ghl-${randomUUID()}`, name: 'X', timezone },
        }),
      );
      expect(err).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'timezone' } });
      const upd = errorOf(await h.exec(ownerA(), UPDATE, { input: { id: A.loc1, timezone } }));
      expect(upd).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'timezone' } });
    },
  );

  it('keeps ghlLocationId unique within a tenant, without breaking the rest of the request', async () => {
    const taken = dataOf(
      await h.exec<{ location: Loc }>(ownerA(), 'query ($id: ID!) { location(id: $id) { ghlLocationId } }', {
        id: A.loc1,
      }),
    ).location.ghlLocationId;
    // The write runs in a savepoint, so what the same request wrote before it still commits (on
    // PostgreSQL a failed statement would otherwise abort the whole request transaction).
    const res = await h.exec(
      ownerA(),
      `mutation ($taken: String!) {
        b: createPartnerApp(input: { name: "Before conflict", revenueShareBps: 100 }) { id }
        a: createLocation(input: { ghlLocationId: $taken, name: "Dup", timezone: "UTC" }) { id }
      }`,
      { taken },
    );
    expect(res.status).toBe(200);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'ghlLocationId' });
    const aApps = dataOf(
      await h.exec<{ partnerApps: { name: string }[] }>(ownerA(), '{ partnerApps { name } }'),
    ).partnerApps;
    expect(aApps.map((p) => p.name)).toContain('Before conflict');
  });

  it('another tenant registers the same ghlLocationId without CONFLICT (no existence leak), concurrently', async () => {
    // A's id, registered by B: accepted — B learns nothing about A, and gets no claim on A's webhooks
    // (coaching routes a GHL location only to the tenant that proved the app installation).
    const ghl = dataOf(
      await h.exec<{ location: Loc }>(ownerA(), 'query ($id: ID!) { location(id: $id) { ghlLocationId } }', {
        id: A.loc1,
      }),
    ).location.ghlLocationId;
    const fresh = `ghl-${randomUUID()}`;
    // 12 creates in flight together: 6 per tenant, half of them A's existing id, half a fresh one
    const callers = [
      { p: ownerA(), organizationId: A.child },
      { p: ownerB(), organizationId: null },
    ];
    const attempts = callers.flatMap(({ p, organizationId }) =>
      [ghl, fresh, ghl, fresh, ghl, fresh].map((id, i) =>
        h.exec<{ createLocation: Loc }>(p, CREATE, {
          input: { organizationId, ghlLocationId: id, name: `Same ${i}`, timezone: 'UTC' },
        }),
      ),
    );
    const results = await Promise.all(attempts);
    const outcome = (r: (typeof results)[number]) =>
      r.errors ? String(r.errors[0]!.extensions?.['code']) : 'OK';
    const forA = results.slice(0, 6).map(outcome);
    const forB = results.slice(6).map(outcome);
    // A already has `ghl`: all three refused; exactly one of A's three `fresh` wins
    expect([forA[0], forA[2], forA[4]]).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
    expect([forA[1], forA[3], forA[5]].sort()).toEqual(['CONFLICT', 'CONFLICT', 'OK']);
    // B: one of each id wins, the others conflict with B's own winner only
    expect([forB[0], forB[2], forB[4]].sort()).toEqual(['CONFLICT', 'CONFLICT', 'OK']);
    expect([forB[1], forB[3], forB[5]].sort()).toEqual(['CONFLICT', 'CONFLICT', 'OK']);
    const bLocs = dataOf(
      await h.exec<{ locations: Loc[] }>(ownerB(), '{ locations { id ghlLocationId } }'),
    ).locations;
    expect(bLocs.filter((l) => l.ghlLocationId === ghl)).toHaveLength(1);
    expect(bLocs.filter((l) => l.ghlLocationId === fresh)).toHaveLength(1);
    const aLocs = dataOf(
      await h.exec<{ locations: Loc[] }>(ownerA(), '{ locations { id ghlLocationId } }'),
    ).locations;
    expect(aLocs.filter((l) => l.ghlLocationId === ghl).map((l) => l.id)).toEqual([A.loc1]);
  });

  it('a MANAGER sees only their own locations', async () => {
    const list = dataOf(await h.exec<{ locations: Loc[] }>(managerA(), '{ locations { id } }')).locations;
    expect(list.map((l) => l.id)).toEqual([A.loc1]);
    const err = errorOf(
      await h.exec(managerA(), 'query ($id: ID!) { location(id: $id) { id } }', { id: A.loc2 }),
    );
    expect(err.code).toBe('NOT_FOUND');
    const owner = dataOf(await h.exec<{ locations: Loc[] }>(ownerA(), '{ locations { id } }')).locations;
    expect(owner.map((l) => l.id)).toEqual(expect.arrayContaining([A.loc1, A.loc2]));
  });

  it('MANAGER and AGENT cannot create or update locations', async () => {
    for (const p of [managerA(), agentA()]) {
      expect(
        errorOf(
          await h.exec(p, CREATE, {
            input: { ghlLocationId: `ghl-${randomUUID()}`, name: 'X', timezone: 'UTC' },
          }),
        ).code,
      ).toBe('FORBIDDEN');
      expect(errorOf(await h.exec(p, UPDATE, { input: { id: A.loc1, name: 'Renamed' } })).code).toBe(
        'FORBIDDEN',
      );
    }
  });

  it('filters locations by organization', async () => {
    const list = dataOf(
      await h.exec<{ locations: Loc[] }>(
        ownerA(),
        'query ($o: ID) { locations(organizationId: $o) { id } }',
        { o: A.id },
      ),
    ).locations;
    expect(list.map((l) => l.id)).toEqual([A.loc1]);
    expect(
      errorOf(await h.exec(ownerA(), 'query ($o: ID) { locations(organizationId: $o) { id } }', { o: B.id }))
        .code,
    ).toBe('NOT_FOUND');
  });
});
