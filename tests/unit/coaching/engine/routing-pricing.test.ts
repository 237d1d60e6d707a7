/**
 * Model routing (QUICK → small, DEEP → large, tenant overrides) and the price table's arithmetic.
 */
import {
  costMicros,
  priceFor,
  CONSERVATIVE_PRICE,
  DEFAULT_PRICES,
  totalInputTokens,
} from '../../../../subgraphs/coaching/engine/pricing';
import { routeModel } from '../../../../subgraphs/coaching/engine/routing';
import { start, type FakeAnthropic } from '../../../fixtures/fake-anthropic';
import { engineFor, makeRequest } from './helpers';

const usage = (
  inputTokens: number,
  outputTokens: number,
  cacheCreationInputTokens = 0,
  cacheReadInputTokens = 0,
) => ({
  inputTokens,
  outputTokens,
  cacheCreationInputTokens,
  cacheReadInputTokens,
});

describe('routeModel', () => {
  it('sends QUICK to the small model and DEEP to the larger one', () => {
    expect(routeModel('QUICK', undefined)).toMatchObject({
      model: 'claude-haiku-4-5',
      tenantOverride: false,
    });
    expect(routeModel('DEEP', undefined)).toMatchObject({
      model: 'claude-sonnet-4-6',
      tenantOverride: false,
    });
    expect(routeModel('DEEP', undefined).maxTokens).toBeGreaterThan(routeModel('QUICK', undefined).maxTokens);
    expect(routeModel('DEEP', undefined).turnWindow).toBeGreaterThan(
      routeModel('QUICK', undefined).turnWindow,
    );
  });

  it('honours a tenant override per kind, ignores implausible ids', () => {
    const tenant = { quickModel: 'claude-3-5-haiku-latest', deepModel: 'claude-opus-4-1' };
    expect(routeModel('QUICK', tenant)).toMatchObject({
      model: 'claude-3-5-haiku-latest',
      tenantOverride: true,
    });
    expect(routeModel('DEEP', tenant)).toMatchObject({ model: 'claude-opus-4-1', tenantOverride: true });
    expect(routeModel('DEEP', { quickModel: 'x' }).model).toBe('claude-sonnet-4-6');
    expect(routeModel('QUICK', { quickModel: '' }).model).toBe('claude-haiku-4-5');
    expect(routeModel('QUICK', { quickModel: 'bad model id; drop table' }).model).toBe('claude-haiku-4-5');
  });

  it('uses engine-level defaults', () => {
    expect(routeModel('QUICK', undefined, { quick: 'q', deep: 'd' }).model).toBe('q');
  });
});

describe('pricing', () => {
  it('turns tokens into integer micro-dollars (USD per million tokens = micro-dollars per token)', () => {
    // haiku 4.5: $1 in, $5 out, $1.25 cache write, $0.10 cache read
    expect(costMicros('claude-haiku-4-5', usage(1_000, 200))).toBe(1_000 + 1_000);
    expect(costMicros('claude-haiku-4-5', usage(0, 0, 2_000, 0))).toBe(2_500);
    expect(costMicros('claude-haiku-4-5', usage(0, 0, 0, 2_000))).toBe(200);
    // sonnet 4.5: $3 in, $15 out
    expect(costMicros('claude-sonnet-4-5', usage(1_000_000, 1_000_000))).toBe(18_000_000);
  });

  it('prices cache writes at 1.25× and cache reads at 0.1× the input price for the 4.x models', () => {
    const current = Object.entries(DEFAULT_PRICES).filter(([model]) =>
      /^claude-(haiku|sonnet|opus)-4/.test(model),
    );
    expect(current.length).toBeGreaterThanOrEqual(6);
    for (const [, p] of current) {
      expect(p.cacheWrite).toBeCloseTo(p.input * 1.25, 10);
      expect(p.cacheRead).toBeCloseTo(p.input * 0.1, 10);
    }
    // a cached turn's prefix costs a tenth: 8,000 prefix tokens read + 200 new vs 8,200 uncached
    expect(costMicros('claude-haiku-4-5', usage(200, 0, 0, 8_000))).toBe(1_000);
    expect(costMicros('claude-haiku-4-5', usage(8_200, 0))).toBe(8_200);
  });

  it('rounds fractions up, never returns NaN', () => {
    expect(costMicros('claude-haiku-4-5', usage(0, 0, 0, 3))).toBe(1); // 0.3 µ$ → 1
    expect(costMicros('claude-haiku-4-5', usage(Number.NaN, -5, Infinity, 0))).toBe(0);
    expect(Number.isInteger(costMicros('claude-3-5-haiku', usage(7, 3, 11, 13)))).toBe(true);
  });

  it('matches dated model ids by family and charges unknown models conservatively', () => {
    expect(priceFor('claude-haiku-4-5-20251001')).toEqual(priceFor('claude-haiku-4-5'));
    expect(priceFor('claude-opus-4-1-20250805').input).toBe(15);
    expect(priceFor('claude-opus-4-5-20251101').input).toBe(5); // longest family wins over claude-opus-4
    expect(priceFor('claude-opus-4-50').input).toBe(15); // a family only matches at a boundary
    expect(priceFor('some-new-model')).toEqual(CONSERVATIVE_PRICE);
    expect(costMicros('some-new-model', usage(1_000, 1_000))).toBe(15_000 + 75_000);
    expect(costMicros('offline-coach-v1', usage(1_000, 1_000))).toBe(0);
  });

  it('counts all input tokens', () => {
    expect(totalInputTokens(usage(10, 5, 20, 30))).toBe(60);
  });
});

describe('routing through the engine', () => {
  let fake: FakeAnthropic;
  beforeEach(async () => {
    fake = await start();
    fake.setDefault({
      hints: [{ category: 'NEXT_STEP', text: 'Book the consult.', rationale: 'r', confidence: 0.6 }],
    });
  });
  afterEach(async () => {
    await fake.close();
  });

  it('DEEP requests use the larger model; a tenant override is sent as is; cost uses its price', async () => {
    const { engine } = engineFor(fake);
    const deep = await engine.run(makeRequest({ kind: 'DEEP' }));
    const quick = await engine.run(makeRequest({ kind: 'QUICK' }));
    const tenant = await engine.run(
      makeRequest({ kind: 'QUICK', models: { quickModel: 'claude-sonnet-4-5' }, tenantId: 't2' }),
    );
    expect(fake.requests.map((r) => r.body?.model)).toEqual([
      'claude-sonnet-4-6',
      'claude-haiku-4-5',
      'claude-sonnet-4-5',
    ]);
    expect(deep.model).toBe('claude-sonnet-4-6');
    expect(quick.model).toBe('claude-haiku-4-5');
    expect(tenant.model).toBe('claude-sonnet-4-5');
    expect(fake.requests[0]!.body!.max_tokens).toBeGreaterThan(fake.requests[1]!.body!.max_tokens);
  });

  it('engine defaultModels override the built-in ones', async () => {
    const { engine } = engineFor(fake, { defaultModels: { quick: 'claude-3-5-haiku' } });
    await engine.run(makeRequest());
    expect(fake.requests[0]!.body!.model).toBe('claude-3-5-haiku');
  });
});
