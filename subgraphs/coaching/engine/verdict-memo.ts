import { createHash } from 'node:crypto';

/**
 * A bounded memo for a pure judgement of text (the Fair Housing guard's). Streamed hints are judged prefix by
 * prefix, the completed hint again with its rationale, and the run's hints once more; the offline coach's
 * templated hints repeat the same texts turn after turn. The judgement is a pure function of the text (no
 * tenant, no clock), so an answer computed once is the answer: remembering it changes no verdict, it only
 * skips recomputing it. Profiled: judging was ~30 % of a coaching turn's server CPU before this memo.
 *
 * Bounded in entries and in key length (long texts are judged every time), least recently used evicted
 * first. Keyed by the text's SHA-256, never the text: the memo spans tenants and sees text before the guard
 * has passed it, so it must hold none (nor an erased contact's words). The verdicts hold no text of the hint
 * either (guardrail.ts: `matched` names the rule, never the words).
 */
export class VerdictMemo<V> {
  private readonly entries = new Map<string, V>();

  constructor(
    private readonly maxEntries: number,
    private readonly maxKeyLength: number,
  ) {}

  /** `judge(text)`, from memory when the same text was judged before. */
  get(text: string, judge: (text: string) => V): V {
    if (text.length > this.maxKeyLength) return judge(text);
    const key = createHash('sha256').update(text).digest('base64');
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // most recently used last: Map keeps insertion order
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = judge(text);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
