/**
 * One hint's streamed text, held back until the Fair Housing guardrail has passed it. Deltas accumulate; text
 * is released only up to a clause boundary, and only after the guard has judged everything complete so far —
 * the text already released plus every complete clause received, as one prefix — so a violation split across
 * chunks or clauses ("this neighborhood is mostly" + "white families") is judged whole. The unchecked tail
 * waits. Once the guard trips, nothing more of the hint is released.
 *
 * The release rule, chosen so that released text can never turn out to be part of a violation later (it
 * rests on the boundary contract documented next to the rules in guardrail.ts):
 *  - up to a sentence end (. ! ? ;): no rule matches across one, so a prefix that is clean up to it stays
 *    clean whatever follows;
 *  - up to a clause end (, : – —) only when the sentence so far holds no lead-in ("fit in", "feel at home",
 *    "avoid", "stay away from", …): only rules that begin with one match across a clause end. "They'd feel
 *    at home here," waits for its sentence end, because ", among other …" could still complete it;
 *  - the rest once the hint's text is complete (`end`), after judging all of it.
 * Newlines are whitespace to the guard ("mostly\nwhite families" is one phrase), so they release nothing.
 */
import {
  CLAUSE_END,
  SENTENCE_END,
  checkSteering,
  mayContinueAcrossClauses,
  type GuardrailVerdict,
} from './guardrail';

export class GuardedText {
  /** Everything received: the released prefix, then the held tail. */
  private text = '';
  private releasedLength = 0;
  /** How much of `text` the guard has passed (released or held only for the lead-in rule). */
  private judgedLength = 0;
  private tripped: GuardrailVerdict | null = null;

  /** The guard's verdict once it tripped (then nothing more is released), else null. */
  get verdict(): GuardrailVerdict | null {
    return this.tripped;
  }

  get blocked(): boolean {
    return this.tripped !== null;
  }

  /** Whether any text was released (a client may be showing it). */
  get releasedAny(): boolean {
    return this.releasedLength > 0;
  }

  /** Adds streamed text; returns the text that may go out now ('' while held or once blocked). */
  push(chunk: string): string {
    this.text += chunk;
    if (this.tripped) return '';
    const complete = this.lastBoundary();
    if (complete <= this.judgedLength || !this.judge(complete)) return '';
    return this.releaseTo(this.safeCut(complete));
  }

  /** The hint's text is complete: judges all of it and returns the rest when it passes. */
  end(): string {
    if (this.tripped || !this.judge(this.text.length)) return '';
    return this.releaseTo(this.text.length);
  }

  /** Releases everything held regardless of the guard (a hint exempt from it); returns it. */
  releaseAll(): string {
    return this.releaseTo(this.text.length);
  }

  /** Everything received so far. */
  get received(): string {
    return this.text;
  }

  private judge(length: number): boolean {
    const verdict = checkSteering(this.text.slice(0, length));
    if (verdict.blocked) {
      this.tripped = verdict;
      return false;
    }
    this.judgedLength = length;
    return true;
  }

  private releaseTo(cut: number): string {
    if (cut <= this.releasedLength) return '';
    const out = this.text.slice(this.releasedLength, cut);
    this.releasedLength = cut;
    return out;
  }

  /** The length up to the last clause or sentence end received (the complete clauses). */
  private lastBoundary(): number {
    for (let i = this.text.length - 1; i >= this.releasedLength; i--) {
      const ch = this.text[i]!;
      if (SENTENCE_END.test(ch) || CLAUSE_END.test(ch)) return i + 1;
    }
    return this.releasedLength;
  }

  /** The furthest cut at or before `complete` the release rule allows (see the header). */
  private safeCut(complete: number): number {
    for (let i = complete - 1; i >= this.releasedLength; i--) {
      const ch = this.text[i]!;
      if (SENTENCE_END.test(ch)) return i + 1;
      if (CLAUSE_END.test(ch) && !mayContinueAcrossClauses(this.sentenceBefore(i + 1))) return i + 1;
    }
    return this.releasedLength;
  }

  /** The text from the last sentence end before `cut` up to `cut`. */
  private sentenceBefore(cut: number): string {
    let start = cut - 1;
    while (start > 0 && !SENTENCE_END.test(this.text[start - 1]!)) start--;
    return this.text.slice(start, cut);
  }
}
