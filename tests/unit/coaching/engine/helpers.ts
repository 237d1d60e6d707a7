/**
 * Shared builders for the engine tests: a CoachRequest, an engine wired to the fake Anthropic server, and an
 * event collector that rebuilds each hint's streamed text the way a widget would.
 */
import { MemoryCache, type Cache } from '../../../../core/cache';
import {
  AgentRole,
  ConversationStage,
  Experience,
  Speaker,
  Specialization,
} from '../../../../core/vocabulary';
import { createCoachingEngine, type CoachingEngineOptions } from '../../../../subgraphs/coaching/engine';
import type { CoachingEngine, CoachRequest, EngineEvent } from '../../../../subgraphs/coaching/engine/types';
import type { FakeAnthropic } from '../../../fixtures/fake-anthropic';

export function makeRequest(overrides: Partial<CoachRequest> = {}): CoachRequest {
  return {
    tenantId: 'tenant-1',
    sessionId: 'session-1',
    agent: {
      role: AgentRole.BUYER_AGENT,
      experience: Experience.NOVICE,
      specializations: [Specialization.FIRST_TIME_BUYERS],
    },
    stage: ConversationStage.QUALIFICATION,
    turns: [
      { speaker: Speaker.AGENT, text: 'Hi! Thanks for reaching out about homes in Austin.' },
      {
        speaker: Speaker.LEAD,
        text: 'We want 3 bedrooms around $450,000 but honestly prices seem too high right now.',
      },
    ],
    known: {},
    kind: 'QUICK',
    ...overrides,
  };
}

export function engineFor(
  fake: FakeAnthropic,
  opts: Partial<CoachingEngineOptions> & {
    anthropic?: Partial<NonNullable<CoachingEngineOptions['anthropic']>>;
  } = {},
): { engine: CoachingEngine; cache: Cache } {
  const cache = opts.cache ?? new MemoryCache();
  const engine = createCoachingEngine({
    ...opts,
    cache,
    anthropic: { apiKey: 'sk-test', baseURL: fake.url, maxRetries: 2, timeoutMs: 5_000, ...opts.anthropic },
  });
  return { engine, cache };
}

export interface Collected {
  events: EngineEvent[];
  onEvent: (e: EngineEvent) => void;
  /** Text per hint index as a widget would show it (`started` resets). */
  text(index: number): string;
  deltas(index?: number): number;
}

export function collect(): Collected {
  const events: EngineEvent[] = [];
  return {
    events,
    onEvent: (e) => events.push(e),
    text(index) {
      let out = '';
      for (const e of events) {
        if (e.index !== index) continue;
        if (e.type === 'started') out = '';
        if (e.type === 'delta') out += e.text;
      }
      return out;
    },
    deltas(index) {
      return events.filter((e) => e.type === 'delta' && (index === undefined || e.index === index)).length;
    },
  };
}
