/**
 * The turn-stream detectors: given the turn just recorded and the session's turns before it, which
 * interventions are due. Pure (no clock, no I/O); the monitor (monitor.ts) runs them on every turn and arms
 * the time-based ones (LEAD_QUIET, AGENT_SLOW) as timers, and the limiter decides what may be pushed.
 *
 * - OBJECTION, BUYING_SIGNAL: the lead's turn raises one — only when that turn is not being coached anyway
 *   (a requested run's own hint already answers it; two hints about one message would be noise).
 * - SENTIMENT_DROP: the lead's tone turned negative after a neutral or positive turn.
 * - COMPLIANCE_RISK: the agent's own message (proactive/compliance.ts).
 * - AGENT_SLOW (on the next turn): the agent answers only after the lead waited longer than allowed.
 */
import { ObjectionType, ProactiveDetector, Sentiment, Speaker } from '../../../core/vocabulary';
import { turnSignals, type TurnSignals } from '../coach/turn-signals';
import { agentComplianceRisk, type ComplianceRisk } from './compliance';

export interface StreamTurn {
  speaker: Speaker;
  text: string;
  at: Date;
}

export type Detection =
  | { detector: ProactiveDetector.OBJECTION; objection: ObjectionType }
  | { detector: ProactiveDetector.BUYING_SIGNAL; signals: string[] }
  | { detector: ProactiveDetector.SENTIMENT_DROP; from: Sentiment; to: Sentiment }
  | { detector: ProactiveDetector.COMPLIANCE_RISK; risk: ComplianceRisk }
  | { detector: ProactiveDetector.AGENT_SLOW; waitedSeconds: number }
  | { detector: ProactiveDetector.LEAD_QUIET; waitedSeconds: number };

export interface DetectInput {
  turn: StreamTurn;
  /** The session's turns before `turn`, oldest first. */
  previous: readonly StreamTurn[];
  /** A requested coaching run answers this turn. */
  coached: boolean;
  agentSlowSeconds: number;
}

function last(turns: readonly StreamTurn[], speaker: Speaker): StreamTurn | null {
  for (let i = turns.length - 1; i >= 0; i--) if (turns[i]!.speaker === speaker) return turns[i]!;
  return null;
}

/** The lead turns since the agent last spoke, oldest first (what the agent has not answered). */
function unanswered(previous: readonly StreamTurn[]): StreamTurn[] {
  const out: StreamTurn[] = [];
  for (let i = previous.length - 1; i >= 0 && previous[i]!.speaker === Speaker.LEAD; i--)
    out.unshift(previous[i]!);
  return out;
}

function leadSignals(turn: StreamTurn, previous: readonly StreamTurn[]): TurnSignals {
  return turnSignals(Speaker.LEAD, turn.text, last(previous, Speaker.AGENT)?.text ?? '');
}

function sentimentDrop(
  turn: StreamTurn,
  now: TurnSignals,
  previous: readonly StreamTurn[],
): Detection | null {
  if (now.sentiment !== Sentiment.NEGATIVE) return null;
  const before = last(previous, Speaker.LEAD);
  if (!before) return null;
  const was = leadSignals(before, previous.slice(0, previous.lastIndexOf(before)));
  if (was.sentiment === Sentiment.NEGATIVE || was.sentimentScore - now.sentimentScore < 0.5) return null;
  return { detector: ProactiveDetector.SENTIMENT_DROP, from: was.sentiment, to: now.sentiment };
}

/** What the turn calls for, strongest first. */
export function detect(input: DetectInput): Detection[] {
  const { turn, previous } = input;
  const out: Detection[] = [];
  if (turn.speaker === Speaker.AGENT) {
    const risk = agentComplianceRisk(turn.text);
    if (risk) out.push({ detector: ProactiveDetector.COMPLIANCE_RISK, risk });
    const waiting = unanswered(previous)[0];
    if (waiting) {
      const waitedSeconds = (turn.at.getTime() - waiting.at.getTime()) / 1000;
      if (waitedSeconds >= input.agentSlowSeconds)
        out.push({ detector: ProactiveDetector.AGENT_SLOW, waitedSeconds });
    }
    return out;
  }
  const signals = leadSignals(turn, previous);
  const drop = sentimentDrop(turn, signals, previous);
  if (drop) out.push(drop);
  if (!input.coached && signals.objection)
    out.push({ detector: ProactiveDetector.OBJECTION, objection: signals.objection });
  // a bare "ok" to whatever the agent offered is politeness, not a buying signal on its own
  const buying = signals.buyingSignals.filter((b) => b !== 'buying_signal:accepted_agent_offer');
  if (!input.coached && !signals.objection && buying.length > 0)
    out.push({ detector: ProactiveDetector.BUYING_SIGNAL, signals: buying });
  return out;
}
