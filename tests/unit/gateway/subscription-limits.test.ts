/**
 * The pieces of issue 12's subscription work that decide without a network: the per-socket / per-tenant
 * counts, the stream wrapper giving a slot back however a subscription ends, how an upstream failure is
 * named (the subgraph's own refusal keeps its code; never connected → UPSTREAM_UNAVAILABLE; lost →
 * SUBSCRIPTION_UPSTREAM_CLOSED), and the graphql-ws message rewrites (id-only subscribe, no extensions.http).
 */
import { withIdOnlyQuery, withoutHttp } from '../../../gateway/graphql-ws-server';
import { upstreamEndErrors } from '../../../gateway/plugins/use-subscription-upstream-end';
import { releasing, SubscriptionLimits } from '../../../gateway/subscription-limits';

describe('SubscriptionLimits', () => {
  test('per socket, per tenant, tenants apart; a release is counted once', () => {
    const limits = new SubscriptionLimits({ perSocket: 2, perTenant: 3 });
    const [a, b] = [{}, {}];
    const granted = [limits.acquire('t1', a), limits.acquire('t1', a)];
    expect(granted.every((s) => s.granted)).toBe(true);
    expect(limits.acquire('t1', a)).toMatchObject({ granted: false, scope: 'SOCKET', limit: 2 });
    expect(limits.acquire('t1', b).granted).toBe(true);
    expect(limits.acquire('t1', b)).toMatchObject({ granted: false, scope: 'TENANT', limit: 3 });
    expect(limits.acquire('t2', b).granted).toBe(true); // another tenant on the same socket
    const first = granted[0]!;
    if (!first.granted) throw new Error('unreachable');
    first.release();
    first.release();
    expect(limits.openFor('t1')).toBe(2);
    expect(limits.acquire('t1', a).granted).toBe(true);
    expect(limits.acquire('t1', undefined)).toMatchObject({ granted: false, scope: 'TENANT' });
  });

  test('a socket refused past its own limit more times than the limit is abusive; tenant refusals never', () => {
    const limits = new SubscriptionLimits({ perSocket: 1, perTenant: 2 });
    const [a, b, c] = [{}, {}, {}];
    limits.acquire('t', a);
    expect(limits.acquire('t', a)).toMatchObject({ scope: 'SOCKET', abusive: false });
    expect(limits.acquire('t', a)).toMatchObject({ scope: 'SOCKET', abusive: true });
    limits.acquire('t', b);
    for (let i = 0; i < 5; i++)
      expect(limits.acquire('t', c)).toMatchObject({ scope: 'TENANT', abusive: false });
  });
});

describe('releasing', () => {
  async function* three() {
    yield 1;
    yield 2;
    yield 3;
  }
  async function* failing() {
    yield 1;
    throw new Error('upstream gone');
  }

  test('releases once when the stream is done, returned or fails', async () => {
    const calls = { done: 0, returned: 0, failed: 0 };
    const done = releasing(three(), () => calls.done++);
    for await (const _ of done) void _;
    const returned = releasing(three(), () => calls.returned++);
    await returned.next();
    await returned.return!();
    const failed = releasing(failing(), () => calls.failed++);
    await failed.next();
    await expect(failed.next()).rejects.toThrow('upstream gone');
    expect(calls).toEqual({ done: 1, returned: 1, failed: 1 });
  });
});

describe('upstreamEndErrors', () => {
  const base = { serviceName: 'coaching', retryAfterSeconds: 1, received: 0, elapsedMs: 5 };
  const codes = (errs: { extensions: Record<string, unknown> }[]) => errs.map((e) => e.extensions['code']);

  test("the subgraph's refusal keeps its code and names the service", () => {
    const refused = [
      { message: 'too many subscriptions on this connection', extensions: { code: 'RATE_LIMITED' } },
    ];
    const [e] = upstreamEndErrors(refused, base);
    expect(e!.message).toBe('too many subscriptions on this connection');
    expect(e!.extensions).toEqual({ code: 'RATE_LIMITED', serviceName: 'coaching' });
    expect(codes(upstreamEndErrors([{ message: 'boom' }], base))).toEqual(['INTERNAL_SERVER_ERROR']);
  });

  test('a first connection attempt that failed is UPSTREAM_UNAVAILABLE; a lost connection is CLOSED', () => {
    const refusedConnection = Object.assign(new Error('connect ECONNREFUSED'), { type: 'error' });
    expect(upstreamEndErrors(refusedConnection, base)[0]!.extensions).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      serviceName: 'coaching',
      retryAfterSeconds: 1,
    });
    const closeEvent = { code: 1006, reason: '', wasClean: false };
    expect(codes(upstreamEndErrors(closeEvent, base))).toEqual(['SUBSCRIPTION_UPSTREAM_CLOSED']);
    // after graphql-ws's retry wait, or after events: the subscription had been live
    expect(codes(upstreamEndErrors(refusedConnection, { ...base, elapsedMs: 2_000 }))).toEqual([
      'SUBSCRIPTION_UPSTREAM_CLOSED',
    ]);
    expect(codes(upstreamEndErrors(refusedConnection, { ...base, received: 3 }))).toEqual([
      'SUBSCRIPTION_UPSTREAM_CLOSED',
    ]);
  });
});

describe('graphql-ws message rewrites', () => {
  test('a subscribe by document id alone gets an empty query; anything else is left as is', () => {
    const byId = JSON.stringify({ id: '1', type: 'subscribe', payload: { documentId: 'hints' } });
    expect(JSON.parse(withIdOnlyQuery(byId))).toEqual({
      id: '1',
      type: 'subscribe',
      payload: { documentId: 'hints', query: '' },
    });
    const apq = {
      id: '2',
      type: 'subscribe',
      payload: { extensions: { persistedQuery: { sha256Hash: 'ab' } } },
    };
    expect(JSON.parse(withIdOnlyQuery(JSON.stringify(apq))).payload.query).toBe('');
    for (const text of [
      JSON.stringify({ id: '3', type: 'subscribe', payload: {} }), // no id: graphql-ws answers 4400
      JSON.stringify({ id: '4', type: 'subscribe', payload: { query: '{a}', documentId: 'x' } }),
      '{"type":"subscribe", not json',
    ])
      expect(withIdOnlyQuery(text)).toBe(text);
  });

  test('extensions.http is dropped, the rest kept', () => {
    const e = { message: 'rate limit exceeded', extensions: { code: 'RATE_LIMITED', http: { status: 429 } } };
    expect(withoutHttp(e)).toEqual({ message: 'rate limit exceeded', extensions: { code: 'RATE_LIMITED' } });
    const plain = { message: 'x' };
    expect(withoutHttp(plain)).toBe(plain);
  });
});
