/**
 * An agent can only be put at a location of its own tenant. Through the gateway, both demo tenants at
 * once: each admin tries to create agents at — and move agents to — the other tenant's locations and at
 * locations that do not exist, among legitimate writes, all in flight together. Every foreign and every
 * missing id gets the same answer (BAD_USER_INPUT on `locationId`, no existence leak), nothing foreign
 * is stored, and the legitimate writes succeed. A location created a moment ago can be used at once.
 */
import { randomUUID } from 'node:crypto';
import { DEMO } from '../../bin/demo-plan';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { describeEachDb } from '../helpers/variants';

type TenantKey = 'acme' | 'summit';

const CREATE = `mutation ($input: CreateAgentInput!) { createAgent(input: $input) { id locationId } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateAgentInput!) { updateAgent(id: $id, input: $input) { id locationId } }`;
const CREATE_LOCATION = `mutation ($input: CreateLocationInput!) { createLocation(input: $input) { id } }`;
const AGENT_LOCATIONS = `{ agents(first: 100) { totalCount edges { node { id locationId } } } }`;

const ROUNDS = 10;

/** The one answer to a location that is not the caller's tenant's: missing or another tenant's alike. */
const REFUSED = {
  data: null,
  errors: [
    {
      message: 'locationId: no such location',
      code: 'BAD_USER_INPUT',
      field: 'locationId',
      serviceName: 'agents',
    },
  ],
};

interface Answer {
  data?: Record<string, { id: string; locationId: string | null } | null> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

let seq = 0;
function agentInput(locationId: string | null): Record<string, unknown> {
  seq += 1;
  return {
    name: `Location Probe ${seq}`,
    email: `location.probe.${seq}@example.com`,
    role: 'BUYER_AGENT',
    experience: 'NOVICE',
    specializations: [],
    locationId,
  };
}

/** What a refused write looks like to the caller, without anything request-specific. */
function refusal(a: Answer): unknown {
  return { data: a.data ?? null, errors: a.errors?.map((e) => ({ message: e.message, ...e.extensions })) };
}

describeEachDb('agents only at their own tenant’s locations (%s)', (kind) => {
  let t: TestPlatform;
  const own = (k: TenantKey): string[] => DEMO[k].locations.map((l) => l.id);
  const other = (k: TenantKey): TenantKey => (k === 'acme' ? 'summit' : 'acme');
  const as = (k: TenantKey) => ({ 'x-api-key': t.apiKeys[k] });
  const gql = (k: TenantKey, query: string, variables: Record<string, unknown>) =>
    t.gql(query, variables, as(k)) as Promise<Answer>;

  beforeAll(async () => {
    t = await startTestPlatform(kind);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  test('another tenant’s location answers exactly like a missing one, from both tenants at once', async () => {
    const tenants: TenantKey[] = ['acme', 'summit'];
    // one agent per tenant to move around
    const movable: Record<TenantKey, string> = { acme: '', summit: '' };
    for (const k of tenants) {
      const res = await gql(k, CREATE, { input: agentInput(own(k)[0]!) });
      expect(res.errors).toBeUndefined();
      movable[k] = res.data!['createAgent']!.id;
    }

    const calls = tenants.flatMap((k) =>
      Array.from({ length: ROUNDS }, (_, i) => {
        const foreign = own(other(k))[i % own(other(k)).length]!;
        const mine = own(k)[i % own(k).length]!;
        return [
          { k, kind: 'foreign', run: () => gql(k, CREATE, { input: agentInput(foreign) }) },
          { k, kind: 'missing', run: () => gql(k, CREATE, { input: agentInput(randomUUID()) }) },
          {
            k,
            kind: 'foreign',
            run: () => gql(k, UPDATE, { id: movable[k], input: { locationId: foreign } }),
          },
          {
            k,
            kind: 'missing',
            run: () => gql(k, UPDATE, { id: movable[k], input: { locationId: randomUUID() } }),
          },
          { k, kind: 'own', run: () => gql(k, CREATE, { input: agentInput(mine) }) },
        ];
      }).flat(),
    );
    const answers = await Promise.all(calls.map(async (c) => ({ ...c, answer: await c.run() })));

    const refused = answers.filter((a) => a.kind !== 'own').map((a) => refusal(a.answer));
    expect(refused).toHaveLength(tenants.length * ROUNDS * 4);
    // foreign and missing: one and the same answer, every time
    expect(new Set(refused.map((r) => JSON.stringify(r)))).toEqual(new Set([JSON.stringify(REFUSED)]));

    const accepted = answers.filter((a) => a.kind === 'own');
    expect(accepted.filter((a) => a.answer.errors)).toEqual([]);
    expect(accepted).toHaveLength(tenants.length * ROUNDS);

    // nothing foreign was stored: every agent of each tenant is at one of its own locations (or the pool)
    for (const k of tenants) {
      const res = (await gql(k, AGENT_LOCATIONS, {})) as unknown as {
        data: { agents: { edges: { node: { id: string; locationId: string | null } }[] } };
      };
      const stray = res.data.agents.edges.filter(
        (e) => e.node.locationId !== null && !own(k).includes(e.node.locationId),
      );
      expect(stray).toEqual([]);
      expect(res.data.agents.edges.find((e) => e.node.id === movable[k])!.node.locationId).toBe(own(k)[0]);
    }
  }, 60_000);

  test('a location created a moment ago takes agents at once (both tenants, in flight together)', async () => {
    const tries = (['acme', 'summit'] as TenantKey[]).flatMap((k) =>
      Array.from({ length: ROUNDS }, async (_, i) => {
        const loc = await gql(k, CREATE_LOCATION, {
          input: {
            ghlLocationId: `ghl-${k}-new-${i}-${randomUUID().slice(0, 8)}`,
            name: `New ${i}`,
            timezone: 'UTC',
          },
        });
        expect(loc.errors).toBeUndefined();
        const locationId = loc.data!['createLocation']!.id;
        const agent = await gql(k, CREATE, { input: agentInput(locationId) });
        return { k, locationId, agent };
      }),
    );
    const results = await Promise.all(tries);
    expect(results.filter((r) => r.agent.errors)).toEqual([]);
    expect(results.map((r) => r.agent.data!['createAgent']!.locationId)).toEqual(
      results.map((r) => r.locationId),
    );
    // … and the other tenant still cannot use them
    const crossed = await Promise.all(
      results.map((r) => gql(other(r.k), CREATE, { input: agentInput(r.locationId) }).then(refusal)),
    );
    expect(crossed).toEqual(results.map(() => REFUSED));
  }, 60_000);
});
