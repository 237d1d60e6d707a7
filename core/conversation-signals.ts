/**
 * The public contract's enums of conversation signals (plain declarations, re-exported by core/vocabulary.ts):
 * what each turn says (intent, sentiment) and which detector pushed a proactive hint.
 */

/** What a turn is doing in the conversation. */
export enum TurnIntent {
  GREETING = 'GREETING',
  QUESTION = 'QUESTION',
  OBJECTION = 'OBJECTION',
  BUYING_SIGNAL = 'BUYING_SIGNAL',
  SHARING_INFO = 'SHARING_INFO',
  EMOTIONAL = 'EMOTIONAL',
  PROPOSAL = 'PROPOSAL',
  STATEMENT = 'STATEMENT',
}

/** The tone of a turn. */
export enum Sentiment {
  POSITIVE = 'POSITIVE',
  NEUTRAL = 'NEUTRAL',
  NEGATIVE = 'NEGATIVE',
}

/** The detectors that push hints nobody asked for (CoachingHint.reason names one of them). */
export enum ProactiveDetector {
  OBJECTION = 'OBJECTION',
  BUYING_SIGNAL = 'BUYING_SIGNAL',
  LEAD_QUIET = 'LEAD_QUIET',
  AGENT_SLOW = 'AGENT_SLOW',
  SENTIMENT_DROP = 'SENTIMENT_DROP',
  COMPLIANCE_RISK = 'COMPLIANCE_RISK',
}
