/**
 * GraphQL-only types of the coaching subgraph: the federation stubs it extends (AgentSession, Agent),
 * the coaching run handle, streamed hint events, session updates, the history connection and inputs.
 */
import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../../core/pagination/types';
import { CoachingRunStatus, ConversationStage, HintEventType, Speaker } from '../../../core/vocabulary';
import { CoachingHint, Qualification } from '../entities';

@ObjectType('AgentSession', {
  // owned by the agents subgraph (coaching adds the conversation); the owner's description
  description: 'A coaching session: one agent, one contact, one channel.',
})
@Directive('@key(fields: "id")')
export class AgentSessionRef {
  @Field(() => ID, { description: 'The unique id (a UUID), assigned by the platform.' })
  id!: string;
}

@ObjectType('Agent', {
  // owned by the agents subgraph (coaching adds the coaching history); the owner's description
  description: 'A real-estate agent profile coached by the platform.',
})
@Directive('@key(fields: "id")')
export class AgentRef {
  @Field(() => ID, { description: 'The unique id (a UUID), assigned by the platform.' })
  id!: string;
}

@ObjectType({ description: 'A coaching run accepted for a session; its hints arrive on `coachingHints`.' })
export class CoachingRun {
  @Field(() => ID, { description: 'Equals `runId` of the HintEvents and `requestId` of the stored hints.' })
  id!: string;

  @Field(() => ID, { description: 'The session being coached.' })
  sessionId!: string;

  @Field(() => CoachingRunStatus, {
    description: 'Always RUNNING when returned: the run continues in the background.',
  })
  status!: CoachingRunStatus;
}

@ObjectType({
  description:
    'One step of a streamed coaching run: STARTED, DELTA (text chunk), COMPLETED (stored hint) or FAILED, per hint `index`.',
})
export class HintEvent {
  @Field(() => HintEventType, {
    description: [
      'What happened to hint `index` of run `runId`. Rebuild each hint by this rule:',
      'STARTED — clear the hint and start it. A STARTED for an index already started in this run means',
      'the hint is being replaced (the model failed midway and the offline coach answers instead, or the',
      'Fair Housing guardrail withheld a hint whose first clauses had streamed): clear it, even if it was',
      'COMPLETED, and rebuild it from the events that follow. Streamed text has passed the guardrail.',
      'DELTA — append `delta` to the hint text.',
      'COMPLETED — `hint` is the stored hint; show `hint.text` (authoritative, it replaces the streamed',
      'text). Sent as soon as that hint is complete, possibly before later hints of the run.',
      'FAILED — the hint is withdrawn: remove it. `error` says why: SUPERSEDED (the replacing answer has',
      'fewer hints), or the code of the run failure (e.g. QUOTA_EXCEEDED), in which case every hint the',
      'run started gets a FAILED (index 0 when none was started).',
      'Once the run is over, the rebuilt text of every remaining index equals its stored hint text.',
    ].join(' '),
  })
  type!: HintEventType;

  @Field(() => ID, { description: 'The run this event belongs to (CoachingRun.id).' })
  runId!: string;

  @Field(() => Int, { description: 'Position of the hint within its run.' })
  index!: number;

  @Field(() => CoachingHint, {
    nullable: true,
    description:
      'The stored hint (COMPLETED only). latencyMs, tokensIn, tokensOut and costMicros are run totals: 0 when the hint is published before its run ends; the stored hint has them once the run is over.',
  })
  hint?: CoachingHint | null;

  @Field(() => String, { nullable: true, description: 'A chunk of hint text (DELTA only).' })
  delta?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'FAILED only: SUPERSEDED, or the error code of the failed run (QUOTA_EXCEEDED, INTERNAL_SERVER_ERROR, …).',
  })
  error?: string | null;
}

@ObjectType({ description: 'The session after a lead turn or a coaching run.' })
export class SessionUpdate {
  @Field(() => ID, { description: 'The session.' })
  sessionId!: string;

  @Field(() => ConversationStage, { description: "Coaching's view of the conversation stage." })
  stage!: ConversationStage;

  @Field(() => Qualification, {
    nullable: true,
    description: 'The lead qualification; null when none is known yet.',
  })
  qualification?: Qualification | null;

  @Field({
    description:
      'True once the session has ended (sent once, when coaching learns it): from then on turns and coaching requests answer CONFLICT with extensions.reason SESSION_ENDED and no more hints arrive.',
  })
  ended!: boolean;
}

/** Edges and the shared `PageInfo` come from core's one connection shape (core/pagination/types.ts). */
@ObjectType({ description: 'Hints of an agent, newest first.' })
export class CoachingHintConnection extends connectionTypes(CoachingHint, 'CoachingHint').Connection {}

@InputType({ description: 'One message of a conversation.' })
export class AddConversationTurnInput {
  @Field(() => ID, { description: 'The open session the message belongs to.' })
  sessionId!: string;

  @Field(() => Speaker, { description: 'Who said it: the lead or the agent.' })
  speaker!: Speaker;

  @Field({ description: 'The message text: not empty, at most 4000 characters.' })
  text!: string;

  @Field(() => Boolean, {
    defaultValue: true,
    nullable: true,
    description: 'Coach a LEAD turn (hints arrive on `coachingHints`); null counts as true.',
  })
  coach!: boolean | null;
}
