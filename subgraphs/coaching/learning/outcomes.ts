/**
 * Where the bandit's outcomes come from, each turned into at most one outcome per (hint, signal):
 *
 * - ACCEPTANCE — `coaching.hint.feedback`: ACCEPTED is a success, DISMISSED a failure (the first verdict
 *   counts; changing it later changes the hint's status, not what the bandit learned);
 * - REPLY — the lead's next message after a coaching run: every hint of the session made since the lead's
 *   previous message is credited with the reply's sentiment (POSITIVE a success, NEGATIVE a failure, NEUTRAL
 *   counted for the reply rate only);
 * - PROGRESS — the deal moving: the stage advancing on the lead's message (a success for the hints shown
 *   before it), or `coaching.ghl_opportunity.status_changed` for the contact (won: success; lost or
 *   abandoned: failure) for the hints of the contact's latest coaching run.
 */
import type { EntityManager } from '@mikro-orm/core';
import {
  ConversationStage,
  type HintFeedbackPayload,
  type OpportunityStatusPayload,
  Sentiment,
  Speaker,
  type EventEnvelope,
} from '../../../core/vocabulary';
import { turnSignals } from '../coach/turn-signals';
import { CoachingHint, ConversationTurn, SessionView } from '../entities';
import { OutcomeSignal, OutcomeValue } from '../entities/strategy-outcome';
import { recordOutcome } from './arms';

/** The stages a deal moves through; FOLLOW_UP (a lead gone cold) is not progress. */
const PROGRESSION: ConversationStage[] = [
  ConversationStage.INITIAL_CONTACT,
  ConversationStage.QUALIFICATION,
  ConversationStage.NEEDS_ANALYSIS,
  ConversationStage.PROPERTY_SEARCH,
  ConversationStage.SHOWING,
  ConversationStage.NEGOTIATION,
  ConversationStage.UNDER_CONTRACT,
  ConversationStage.CLOSING,
];

export function stageAdvanced(before: ConversationStage, after: ConversationStage): boolean {
  const a = PROGRESSION.indexOf(before);
  const b = PROGRESSION.indexOf(after);
  return a >= 0 && b > a;
}

const LEARNABLE = { variant: { $ne: null } } as const;

/** `coaching.hint.feedback`. */
export async function learnFromFeedback(
  em: EntityManager,
  event: EventEnvelope<HintFeedbackPayload>,
): Promise<void> {
  const hint = await em.findOne(CoachingHint, { id: event.payload.hintId, ...LEARNABLE });
  if (!hint) return;
  await recordOutcome(em, hint, {
    signal: OutcomeSignal.ACCEPTANCE,
    value: event.payload.verdict === 'ACCEPTED' ? OutcomeValue.SUCCESS : OutcomeValue.FAILURE,
    eventId: event.id,
    at: new Date(event.at),
  });
}

function opportunityValue(status: string): OutcomeValue | null {
  const s = status.toLowerCase();
  if (s === 'won') return OutcomeValue.SUCCESS;
  if (s === 'lost' || s === 'abandoned' || s === 'abandon') return OutcomeValue.FAILURE;
  return null;
}

/** `coaching.ghl_opportunity.status_changed`: the contact's latest coaching run gets the deal's outcome. */
export async function learnFromOpportunity(
  em: EntityManager,
  event: EventEnvelope<OpportunityStatusPayload>,
): Promise<void> {
  const value = opportunityValue(String(event.payload.status ?? ''));
  if (!value) return;
  const sessions = await em.find(
    SessionView,
    { contactId: event.payload.contactId },
    { fields: ['sessionId'] },
  );
  if (sessions.length === 0) return;
  const sessionIds = sessions.map((s) => s.sessionId);
  const latest = await em.findOne(
    CoachingHint,
    { sessionId: { $in: sessionIds }, ...LEARNABLE },
    { orderBy: { createdAt: 'desc', id: 'desc' } },
  );
  if (!latest) return;
  const hints = await em.find(CoachingHint, {
    sessionId: latest.sessionId,
    requestId: latest.requestId,
    ...LEARNABLE,
  });
  for (const hint of hints)
    await recordOutcome(em, hint, {
      signal: OutcomeSignal.PROGRESS,
      value,
      eventId: event.id,
      at: new Date(event.at),
    });
}

const SENTIMENT_VALUE: Record<Sentiment, OutcomeValue> = {
  [Sentiment.POSITIVE]: OutcomeValue.SUCCESS,
  [Sentiment.NEGATIVE]: OutcomeValue.FAILURE,
  [Sentiment.NEUTRAL]: OutcomeValue.NEUTRAL,
};

export interface LeadTurnFacts {
  sessionId: string;
  turn: Pick<ConversationTurn, 'id' | 'text' | 'at'>;
  stageBefore: ConversationStage;
  stageAfter: ConversationStage;
}

/**
 * A LEAD turn was recorded: the hints shown since the lead's previous message learn that the lead replied,
 * and in what tone, and whether the stage advanced. Runs in the turn's transaction.
 */
export async function learnFromLeadTurn(em: EntityManager, f: LeadTurnFacts): Promise<void> {
  const previous = await em.findOne(
    ConversationTurn,
    { sessionId: f.sessionId, speaker: Speaker.LEAD, at: { $lt: f.turn.at } },
    { orderBy: { at: 'desc', id: 'desc' }, fields: ['at'] },
  );
  const hints = await em.find(CoachingHint, {
    sessionId: f.sessionId,
    createdAt: previous ? { $gt: previous.at, $lt: f.turn.at } : { $lt: f.turn.at },
    ...LEARNABLE,
  });
  if (hints.length === 0) return;
  const reply = SENTIMENT_VALUE[turnSignals(Speaker.LEAD, f.turn.text).sentiment];
  const advanced = stageAdvanced(f.stageBefore, f.stageAfter);
  for (const hint of hints) {
    await recordOutcome(em, hint, {
      signal: OutcomeSignal.REPLY,
      value: reply,
      eventId: f.turn.id,
      at: f.turn.at,
    });
    if (advanced)
      await recordOutcome(em, hint, {
        signal: OutcomeSignal.PROGRESS,
        value: OutcomeValue.SUCCESS,
        eventId: `stage:${f.turn.id}`,
        at: f.turn.at,
      });
  }
}
