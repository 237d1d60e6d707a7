/**
 * The engine's guard stage (event-pipeline.ts) on every path hint text takes: the offline provider's
 * word-chunk replay, a hint whose first sentence went out before the guard tripped (cleared by a restart), a
 * steering rationale under clean text, an exempt COMPLIANCE_WARNING, and a model that fails midway through a
 * steering hint so the offline coach answers instead. No event ever carries the steering words.
 */
import { HintCategory, Speaker } from '../../../../core/vocabulary';
import { guardStage } from '../../../../subgraphs/coaching/engine/event-pipeline';
import { replayHints } from '../../../../subgraphs/coaching/engine/providers/provider';
import type { EngineEvent, GeneratedHint } from '../../../../subgraphs/coaching/engine/types';
import { start, type FakeAnthropic } from '../../../fixtures/fake-anthropic';
import { CLEAN_HINTS, leaks, STEERING_HINTS } from '../../../fixtures/steering-answers';
import { collect, engineFor, makeRequest } from './helpers';

const asHint = (h: (typeof CLEAN_HINTS)[number]): GeneratedHint => ({
  category: h.category as HintCategory,
  text: h.text,
  rationale: h.rationale,
  confidence: h.confidence,
});

function through(hints: GeneratedHint[]): EngineEvent[] {
  const events: EngineEvent[] = [];
  replayHints(
    hints,
    guardStage((e) => events.push(e)),
  );
  return events;
}

/** The steering words in any event, or in the deltas joined (a fragment split across chunks counts). */
const seen = (events: EngineEvent[]): string[] => [
  ...leaks(JSON.stringify(events)),
  ...leaks(events.map((e) => (e.type === 'delta' ? e.text : '')).join('')),
];

const shape = (events: EngineEvent[], index: number): string[] =>
  events.filter((e) => e.index === index).map((e) => (e.type === 'delta' ? `delta:${e.text}` : e.type));

const completedHint = (events: EngineEvent[], index: number): GeneratedHint => {
  const e = events.find((x) => x.type === 'completed' && x.index === index);
  if (e?.type !== 'completed') throw new Error(`hint ${index} did not complete`);
  return e.hint;
};

describe('guardStage', () => {
  it('replays (the offline provider) steering and clean hints: nothing steering goes out, clean ones stream whole', () => {
    const events = through([asHint(STEERING_HINTS[0]!), asHint(CLEAN_HINTS[0]!), asHint(STEERING_HINTS[1]!)]);
    expect(seen(events)).toEqual([]);
    expect(completedHint(events, 0).category).toBe(HintCategory.COMPLIANCE_WARNING);
    expect(completedHint(events, 2).category).toBe(HintCategory.COMPLIANCE_WARNING);
    const clean = events.filter((e) => e.index === 1 && e.type === 'delta');
    expect(clean.length).toBeGreaterThan(1);
    expect(clean.map((e) => (e.type === 'delta' ? e.text : '')).join('')).toBe(CLEAN_HINTS[0]!.text);
    expect(completedHint(events, 1).text).toBe(CLEAN_HINTS[0]!.text);
  });

  it('a sentence that went out before the guard tripped is cleared by a restart', () => {
    const events = through([asHint(STEERING_HINTS[2]!)]);
    expect(shape(events, 0)).toEqual([
      'started',
      'delta:Share the listing sheet first.',
      'started',
      'completed',
    ]);
    expect(completedHint(events, 0).category).toBe(HintCategory.COMPLIANCE_WARNING);
  });

  it('a steering rationale under clean text: the text streamed is cleared, the warning completes', () => {
    const events = through([asHint(STEERING_HINTS[3]!)]);
    expect(shape(events, 0)).toEqual([
      'started',
      'delta:Mention the parks and the short commute.',
      'started',
      'completed',
    ]);
    expect(seen(events)).toEqual([]);
    expect(completedHint(events, 0).rationale).toMatch(/familial status/);
  });

  it('an exempt COMPLIANCE_WARNING naming the rule is held by the guard, then goes out whole', () => {
    const warning: GeneratedHint = {
      category: HintCategory.COMPLIANCE_WARNING,
      text: "Don't tell them the area is mostly young families, that's steering. Share school data instead.",
      rationale: 'Fair Housing.',
      confidence: 0.9,
    };
    const events = through([warning]);
    const deltas = events.filter((e) => e.type === 'delta').map((e) => (e.type === 'delta' ? e.text : ''));
    expect(deltas.join('')).toBe(warning.text);
    expect(completedHint(events, 0)).toBe(warning);
  });
});

describe('guarded fallback', () => {
  let fake: FakeAnthropic;
  beforeEach(async () => {
    fake = await start();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('a model failing midway through a steering hint: the offline coach answers, nothing steering went out', async () => {
    const hints = [STEERING_HINTS[0]!, CLEAN_HINTS[1]!];
    const json = JSON.stringify({ hints });
    const sizes = [1, 3, 2, 5, 4];
    const past = json.indexOf('white families') + 30; // the violation and more had streamed
    let chunks = 1; // the fake's empty first chunk
    for (let sent = 0; sent < past; chunks++) sent += sizes[(chunks - 1) % sizes.length]!;
    fake.script({ errorMidStream: true, hints, chunkSizes: sizes, afterChunks: chunks });
    const { engine } = engineFor(fake, { anthropic: { maxRetries: 0 } });
    const c = collect();
    const result = await engine.run(
      makeRequest({ turns: [{ speaker: Speaker.LEAD, text: 'What kind of people live in Maple Heights?' }] }),
      c.onEvent,
    );
    expect(result.fallback).toBe(true);
    expect(seen(c.events)).toEqual([]);
    expect(result.hints.length).toBeGreaterThan(0);
    expect(c.text(0)).toBe(result.hints[0]!.text); // the offline hint, streamed whole after the restart
  });
});
