/**
 * What the offline coach does with a contact's memory (facts stated in earlier sessions): the facts count
 * as known — so qualification does not ask for them again — unless the lead now says otherwise, and the
 * primary hint recalls them at the start of a new session so the agent confirms instead of re-asking.
 */
import { Speaker } from '../../../core/vocabulary';
import { formatAreas, formatMoney } from './qualification';
import type { HintDraft, Slots, Turn } from './types';

/** The lead's turns within which a hint still recalls earlier sessions. */
const RECALL_WITHIN_LEAD_TURNS = 2;
const MAX_TEXT = 400;
const MAX_RATIONALE = 600;

/** Remembered facts under what the lead says now (a fresh statement wins). */
export function withRemembered(remembered: Slots | undefined, fresh: Slots): Slots {
  if (!remembered) return fresh;
  const out: Record<string, unknown> = { ...remembered };
  for (const [k, v] of Object.entries(fresh)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as Slots;
}

/** "budget up to $450k, Austin, about 3 months, pre-approved" — the remembered facts, briefly. */
export function recallPhrase(s: Slots): string | null {
  const parts: string[] = [];
  if (s.budget !== undefined) parts.push(`budget up to ${formatMoney(s.budget)}`);
  if (s.priceExpectation !== undefined)
    parts.push(`hopes to sell for about ${formatMoney(s.priceExpectation)}`);
  if (s.areas?.length) parts.push(formatAreas(s.areas));
  if (s.timelineMonths !== undefined) parts.push(`about ${s.timelineMonths} month(s) out`);
  if (s.bedrooms !== undefined) parts.push(`${s.bedrooms}+ bedrooms`);
  if (s.preApproved !== undefined) parts.push(s.preApproved ? 'pre-approved' : 'not pre-approved yet');
  return parts.length ? parts.join(', ') : null;
}

/** `text` cut at a word boundary to at most `max` characters (with an ellipsis when cut). */
function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** The primary hint recalls the remembered facts early in a session, before its own text (shortened to fit). */
export function recallInHint(
  hint: HintDraft,
  remembered: Slots | undefined,
  turns: readonly Turn[],
): HintDraft {
  const phrase = remembered ? recallPhrase(remembered) : null;
  const leadTurns = turns.filter((t) => t.speaker === Speaker.LEAD).length;
  if (!phrase || leadTurns > RECALL_WITHIN_LEAD_TURNS) return hint;
  const recall = `From earlier conversations: ${phrase} — confirm it rather than asking again.`;
  if (recall.length + 20 > MAX_TEXT) return hint;
  const rationale = `${hint.rationale} (remembered: ${phrase})`;
  return {
    ...hint,
    text: `${recall} ${fit(hint.text, MAX_TEXT - recall.length - 1)}`,
    rationale: rationale.length <= MAX_RATIONALE ? rationale : hint.rationale,
  };
}

/** The hints with the primary one recalling the remembered facts (see `recallInHint`). */
export function recallInHints(
  hints: HintDraft[],
  remembered: Slots | undefined,
  turns: readonly Turn[],
): HintDraft[] {
  const [primary, ...rest] = hints;
  return primary ? [recallInHint(primary, remembered, turns), ...rest] : hints;
}
