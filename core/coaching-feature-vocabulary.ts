/** Public enums of coaching's memory, learning and drafting (plain declarations; registered in core/server). */

/** Who wrote a contact's session summary. */
export enum SessionSummarySource {
  MODEL = 'MODEL',
  OFFLINE = 'OFFLINE',
}

/** The approach a hint is written in; the bandit picks between them per (tenant, role, stage). */
export enum CoachingVariant {
  DIRECT = 'DIRECT',
  EMPATHETIC = 'EMPATHETIC',
  QUESTION_LED = 'QUESTION_LED',
}

/** A step of draftReply. */
export enum DraftStep {
  ANALYZE = 'ANALYZE',
  RETRIEVE = 'RETRIEVE',
  PLAN = 'PLAN',
  DRAFT = 'DRAFT',
}

/** Who answered a draftReply step. */
export enum DraftStepSource {
  MODEL = 'MODEL',
  OFFLINE = 'OFFLINE',
  TIMED_OUT = 'TIMED_OUT',
  FAILED = 'FAILED',
}

/** The lead's mood as draftReply's analysis read it. */
export enum DraftSentiment {
  POSITIVE = 'POSITIVE',
  NEUTRAL = 'NEUTRAL',
  NEGATIVE = 'NEGATIVE',
}
