/**
 * `ConversationTurn` signals: intent, sentiment and objection type, read from the turn's text by the
 * offline classifier (coach/turn-signals.ts) when asked for — deterministic, no model call, nothing stored.
 */
import { FieldResolver, Resolver, Root } from 'type-graphql';
import { ObjectionType, Sentiment, TurnIntent } from '../../../core/vocabulary';
import { turnSignals, type TurnSignals } from '../coach/turn-signals';
import { ConversationTurn } from '../entities';

const memo = new WeakMap<ConversationTurn, TurnSignals>();

function signalsOf(turn: ConversationTurn): TurnSignals {
  let s = memo.get(turn);
  if (!s) {
    s = turnSignals(turn.speaker, turn.text);
    memo.set(turn, s);
  }
  return s;
}

@Resolver(() => ConversationTurn)
export class ConversationTurnSignalsResolver {
  @FieldResolver(() => TurnIntent, {
    description:
      'What the turn is doing (question, objection, buying signal, …), read from its text by the offline classifier. AGENT turns are GREETING, PROPOSAL, QUESTION or STATEMENT.',
  })
  intent(@Root() turn: ConversationTurn): TurnIntent {
    return signalsOf(turn).intent;
  }

  @FieldResolver(() => Sentiment, { description: 'The tone of the turn, read from its text.' })
  sentiment(@Root() turn: ConversationTurn): Sentiment {
    return signalsOf(turn).sentiment;
  }

  @FieldResolver(() => ObjectionType, {
    nullable: true,
    description:
      'The objection a LEAD turn raises (price, commission, timing, …); null when none, and for AGENT turns.',
  })
  objectionType(@Root() turn: ConversationTurn): ObjectionType | null {
    return signalsOf(turn).objection;
  }
}
