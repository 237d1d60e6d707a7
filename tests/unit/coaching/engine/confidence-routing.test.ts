/**
 * Confidence routing: with a key, a QUICK turn goes to the model only when the offline coach is unsure of it
 * (its confidence below `modelWhenConfidenceBelow`); a confident turn is answered offline, free; without a key
 * every turn stays offline; DEEP work always goes to the model. Real SDK against the fake API on loopback.
 */
import { MemoryCache } from '../../../../core/cache';
import { Speaker } from '../../../../core/vocabulary';
import { offlineCoach } from '../../../../subgraphs/coaching/coach/offline-coach';
import { createCoachingEngine } from '../../../../subgraphs/coaching/engine';
import { needsModel } from '../../../../subgraphs/coaching/engine/routing';
import type { CoachRequest } from '../../../../subgraphs/coaching/engine/types';
import { start, type FakeAnthropic } from '../../../fixtures/fake-anthropic';
import { engineFor, makeRequest } from './helpers';

const MODEL_HINT = {
  category: 'NEXT_STEP',
  text: 'Offer two tour times this week.',
  rationale: 'Moves the lead forward.',
  confidence: 0.7,
};

/** The offline coach's confidence in the request's primary hint (what the engine routes on). */
function offlineConfidence(req: CoachRequest): number {
  const out = offlineCoach({ agent: req.agent, stage: req.stage, turns: req.turns });
  return out.hints[0]!.confidence;
}

describe('needsModel', () => {
  it('QUICK below the threshold, DEEP always; no threshold or 1: every turn; 0: none', () => {
    expect(needsModel('QUICK', 0.4, 0.6)).toBe(true);
    expect(needsModel('QUICK', 0.6, 0.6)).toBe(false);
    expect(needsModel('QUICK', 0.9, 0.6)).toBe(false);
    expect(needsModel('DEEP', 0.9, 0.6)).toBe(true);
    expect(needsModel('QUICK', 0.97, undefined)).toBe(true);
    expect(needsModel('QUICK', 0.97, 1)).toBe(true);
    expect(needsModel('QUICK', 0.3, 0)).toBe(false);
    expect(needsModel('QUICK', undefined, 0.6)).toBe(true);
  });
});

describe('routing a turn by the offline coach’s confidence', () => {
  let fake: FakeAnthropic;
  const req = makeRequest({
    turns: [{ speaker: Speaker.LEAD, text: 'hmm ok, maybe. we will see what happens i guess' }],
  });
  const confidence = offlineConfidence(req);

  beforeEach(async () => {
    fake = await start();
    fake.setDefault({ hints: [MODEL_HINT] });
  });
  afterEach(async () => {
    await fake.close();
  });

  it('an unsure offline answer (confidence below the option) goes to the model', async () => {
    const { engine } = engineFor(fake, { modelWhenConfidenceBelow: Math.min(1, confidence + 0.01) });
    const result = await engine.run(req);
    expect(fake.count).toBe(1);
    expect(result.provider).toBe('anthropic');
    expect(result.hints[0]!.text).toBe(MODEL_HINT.text);
  });

  it('a confident offline answer (at or above the option) stays offline: no call, no cost, not a fallback', async () => {
    const { engine } = engineFor(fake, { modelWhenConfidenceBelow: confidence });
    const result = await engine.run(req);
    expect(fake.count).toBe(0);
    expect(result.provider).toBe('offline');
    expect(result.fallback).toBe(false);
    expect(result.costMicros).toBe(0);
  });

  it('without a key, even an unsure turn stays offline', async () => {
    const engine = createCoachingEngine({
      cache: new MemoryCache(),
      anthropic: { baseURL: fake.url },
      modelWhenConfidenceBelow: 1,
    });
    const result = await engine.run(req);
    expect(fake.count).toBe(0);
    expect(result.provider).toBe('offline');
  });

  it('DEEP work goes to the model whatever the offline confidence', async () => {
    const { engine } = engineFor(fake, { modelWhenConfidenceBelow: 0 });
    const result = await engine.run({ ...req, kind: 'DEEP' });
    expect(fake.count).toBe(1);
    expect(result.provider).toBe('anthropic');
  });
});
