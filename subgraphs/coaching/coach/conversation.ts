/**
 * Conversation-level context for the latest lead turn: an objection raised earlier and restated briefly ("still
 * too much", "I hear you but…"), frustration that builds over several turns, and whether the lead is answering a
 * question the agent just asked. The latest turn alone often carries too little to classify.
 */
import { ObjectionType, Speaker } from '../../../core/vocabulary';
import { toCueText } from './language';
import type { Turn } from './types';

/** Words that say the lead is unhappy (not about a hardship in their life: about the deal or the agent). */
export const NEGATIVE_WORDS =
  /\b(?:frustrat\w*|annoy\w*|disappoint\w*|upset|angry|mad|tired of|fed up|sick of|waste of (?:time|money)|forget it|never ?mind|not happy|unhappy|ridiculous|unacceptable|terrible|awful|horrible|hate|ugh+|pushy|nobody|no one (?:is|has|called|told)|again\?|seriously|unbelievable|can'?t believe (?:this|that|we|they|it)|losing (?:hope|patience)|give up|giving up|done with|over it)\b/i;

/**
 * The latest turn continues an earlier point instead of opening a new one: it restates ("still", "again", "like
 * I said", "I hear you but"), judges ("too much", "not worth"), or refuses — without new good news.
 */
const CONTINUES =
  /\b(?:still|again|already|(?:like|as) i (?:said|mentioned|told you)|i (?:told|said)|that'?s (?:what|the (?:thing|problem|issue))|the (?:thing|problem|issue) is|i hear you,? but|i get (?:it|that),? but|i know,? but|even so|either way|regardless|all the same|same (?:thing|problem|issue)|doesn'?t change|not (?:the point|convinced|sure about that)|too (?:much|high|low|long|steep|slow)|a lot|not worth|no way|not happening|can'?t (?:do|go|swing|justify)|won'?t|not going to|not gonna|what (?:the )?(?:last|other) (?:one|agent|guy) said)\b/i;

/** A short reply ("ya", "hmm idk", "not really") leans on the previous turns for its meaning. */
function isShort(text: string): boolean {
  return text.trim().split(/\s+/).length <= 6;
}

/** Lead turns before `index`, most recent first, each with the agent turn just before it. */
export function earlierLeadTurns(turns: Turn[], index: number): { text: string; agentBefore: string }[] {
  const out: { text: string; agentBefore: string }[] = [];
  for (let i = index - 1; i >= 0; i--) {
    const t = turns[i];
    if (t?.speaker !== Speaker.LEAD) continue;
    let agentBefore = '';
    for (let k = i - 1; k >= 0; k--) {
      const a = turns[k];
      if (a?.speaker === Speaker.AGENT) {
        agentBefore = a.text;
        break;
      }
      if (a?.speaker === Speaker.LEAD) break;
    }
    out.push({ text: toCueText(t.text), agentBefore: toCueText(agentBefore) });
  }
  return out;
}

export interface EarlierObjection {
  type: ObjectionType;
  /** How many lead turns back it was raised (1 = the lead turn before the latest). */
  turnsBack: number;
}

/**
 * An objection raised in an earlier lead turn that the latest turn keeps alive (restates, judges or refuses, or is
 * a short reply after the agent's answer). `detect` is the single-turn objection detector (classify.ts).
 */
export function restatedObjection(
  turns: Turn[],
  index: number,
  lead: string,
  detect: (text: string, agentBefore: string) => { type: ObjectionType; score: number } | null,
): EarlierObjection | null {
  const continues = CONTINUES.test(lead) || NEGATIVE_WORDS.test(lead) || isShort(lead);
  if (!continues) return null;
  const earlier = earlierLeadTurns(turns, index).slice(0, 3);
  for (let k = 0; k < earlier.length; k++) {
    const e = earlier[k];
    if (!e) continue;
    const hit = detect(e.text, e.agentBefore);
    if (hit && hit.score >= 2) return { type: hit.type, turnsBack: k + 1 };
  }
  return null;
}

/** How many of the lead's turns (the latest included) sound unhappy about the deal or the agent. */
export function negativeTurns(turns: Turn[]): number {
  return turns.filter((t) => t.speaker === Speaker.LEAD && NEGATIVE_WORDS.test(toCueText(t.text))).length;
}

/** True when the agent's turn before the latest lead turn asked the lead something. */
export function agentAsked(agentBefore: string): boolean {
  return /\?\s*$/.test(agentBefore.trim()) || /\?/.test(agentBefore);
}
