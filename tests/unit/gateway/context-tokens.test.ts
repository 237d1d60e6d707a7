/**
 * A forwarded context token outlives the fetch that carries it. With a TTL shorter than the subgraph
 * timeout (5 s in the credential-lifetime test), a token handed out late in its reuse window had 3.75 s left,
 * and entity fetches a loaded machine queued for 3.5 s or more reached the subgraph with an expired token:
 * UNAUTHENTICATED for a valid credential. Now every token handed out is still accepted by a subgraph
 * `inFlightMs` (the subgraph timeout) later, and a long subscription still gets fresh tokens.
 */
import { decodeJwt } from 'jose';
import { ContextTokenCodec } from '../../../core/context-token';
import type { Principal } from '../../../core/principal';
import { MemberRole } from '../../../core/vocabulary';
import { ContextTokens, contextTokenLifetimeSeconds } from '../../../gateway/context-tokens';
import { TEST_CONTEXT_SECRET } from '../../helpers/subgraph-harness';

const principal: Principal = {
  tenantId: 't1',
  organizationId: 't1',
  organizationIds: ['t1'],
  locationIds: null,
  role: MemberRole.ADMIN,
  scopes: [],
  subject: 'apikey:k1',
  apiKeyId: 'k1',
};

describe('context tokens', () => {
  const start = Date.UTC(2026, 11, 7, 12, 0, 0, 300);
  beforeEach(() => jest.useFakeTimers({ now: start, doNotFake: ['nextTick', 'setImmediate'] }));
  afterEach(() => jest.useRealTimers());

  it('every token handed out, at any point of its reuse window, is accepted for the whole subgraph timeout', async () => {
    const codec = new ContextTokenCodec(TEST_CONTEXT_SECRET, 5);
    const tokens = new ContextTokens(codec, { inFlightMs: 30_000 });
    const handedOut: { at: number; token: string }[] = [];
    // a subscription fetching entities every 250 ms for two minutes
    for (let t = start; t < start + 120_000; t += 250) {
      jest.setSystemTime(t);
      handedOut.push({ at: t, token: await tokens.for(principal) });
    }
    const distinct = new Set(handedOut.map((h) => h.token));
    expect(distinct.size).toBeGreaterThan(2); // re-signed as time passes, not one token for ever
    for (const h of handedOut.filter((_, i) => i % 7 === 0)) {
      jest.setSystemTime(h.at + 30_000); // the fetch reaches its subgraph at the gateway's deadline
      await expect(codec.verify(h.token)).resolves.toMatchObject({ tenantId: 't1' });
    }
    // and none lives for ever: each expires within its lifetime
    const first = handedOut[0]!;
    jest.setSystemTime((decodeJwt(first.token).exp! + 1) * 1000);
    await expect(codec.verify(first.token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('without the floor, a late-handed token of a 5 s TTL has under 4 s left: a 4 s queue finds it expired', async () => {
    const codec = new ContextTokenCodec(TEST_CONTEXT_SECRET, 5);
    const unfloored = new ContextTokens(codec);
    await unfloored.for(principal);
    jest.setSystemTime(start + 1_900); // near the end of the reuse window (3.8 s left)
    const late = await unfloored.for(principal);
    jest.setSystemTime(start + 1_900 + 4_000);
    await expect(codec.verify(late)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('a TTL already longer than the subgraph timeout is kept (default 60 s with 30 s)', () => {
    expect(contextTokenLifetimeSeconds(60, 30_000)).toBe(60);
    expect(contextTokenLifetimeSeconds(5, 30_000)).toBe(42);
    expect(contextTokenLifetimeSeconds(5, 10_000)).toBe(15);
    expect(contextTokenLifetimeSeconds(5)).toBe(5);
  });
});
