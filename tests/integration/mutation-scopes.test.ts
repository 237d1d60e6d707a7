/**
 * No mutation runs with a read-only API key. One key per read scope (and one holding every read scope)
 * is created through the gateway; then EVERY mutation field of the served supergraph — found by
 * introspection, so a mutation added later is walked too — is called with dummy required arguments,
 * all in flight together, with every key. Each call must be refused FORBIDDEN (the scope is checked
 * before any argument is looked up), and the tenant's data must be exactly as before.
 */
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { SCOPES } from '../../core/vocabulary';
import { dummyMutationCalls } from '../helpers/dummy-mutations';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { describeEachDb } from '../helpers/variants';

const READ_SCOPES = SCOPES.filter((s) => s.endsWith(':read'));

const CREATE_KEY = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;

/** What an admin sees of everything a mutation could change. */
const STATE = `{
  agents(first: 0) { totalCount }
  agentSessions(first: 0) { totalCount }
  analyticsSettings { valuePerWonDealCents p95LatencyThresholdMs dailyCostThresholdMicros acceptanceDropThreshold minSamples }
  invoices { id }
  apiKeys { id revokedAt }
  partnerApps { id }
  locations { id name ghlLocationId timezone }
  members { id role locationIds }
  organizations { id name branding { primaryColor } billing { plan { code } } }
  auditLog(first: 1) { edges { node { seq } } }
}`;

interface Outcome {
  key: string;
  field: string;
  status: number;
  code: unknown;
  data: unknown;
}

describeEachDb('every mutation refuses a read-only API key (%s)', (kind) => {
  let t: TestPlatform;
  const keys: { label: string; secret: string }[] = [];

  beforeAll(async () => {
    t = await startTestPlatform(kind);
    const admin = { 'x-api-key': t.apiKeys.acme };
    const grants = [...READ_SCOPES.map((s) => [s]), [...READ_SCOPES]];
    for (const scopes of grants) {
      const res = await t.gql<{ createApiKey: { secret: string } }>(
        CREATE_KEY,
        { input: { name: `read-only ${scopes.join(' ')}`, scopes } },
        admin,
      );
      expect(res.errors).toBeUndefined();
      keys.push({ label: scopes.join('+'), secret: res.data!.createApiKey.secret });
    }
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  test('every mutation × every read-only key, all in flight together: FORBIDDEN, nothing written', async () => {
    const intro = await t.gql<IntrospectionQuery>(getIntrospectionQuery());
    expect(intro.errors).toBeUndefined();
    const calls = dummyMutationCalls(buildClientSchema(intro.data!));
    // the walk covers the whole Mutation type, including the field this test was written for
    expect(calls.map((c) => c.field)).toEqual(
      expect.arrayContaining(['updateAnalyticsSettings', 'createApiKey']),
    );
    expect(calls.length).toBeGreaterThanOrEqual(20);

    const admin = { 'x-api-key': t.apiKeys.acme };
    const before = await t.gql(STATE, {}, admin);
    expect(before.errors).toBeUndefined();

    const outcomes: Outcome[] = await Promise.all(
      keys.flatMap((k) =>
        calls.map(async (c) => {
          const res = await t.gql(c.query, c.variables, { 'x-api-key': k.secret });
          const data = res.data?.[c.field] ?? null;
          return {
            key: k.label,
            field: c.field,
            status: res.status,
            code: res.errors?.[0]?.extensions?.['code'],
            data,
          };
        }),
      ),
    );
    expect(outcomes).toHaveLength(keys.length * calls.length);
    const accepted = outcomes.filter((o) => o.data !== null);
    const notForbidden = outcomes.filter((o) => o.code !== 'FORBIDDEN');
    expect(accepted).toEqual([]);
    expect(notForbidden).toEqual([]);

    const after = await t.gql(STATE, {}, admin);
    expect(after).toEqual(before);
  }, 120_000);
});
