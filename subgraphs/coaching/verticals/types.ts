/**
 * A vertical template: what coaching changes for an organization of one market vertical (core/verticals.ts).
 * Each template is one file under templates/, registered in registry.ts; the offline coach, qualification and
 * the model prompt read it. Plain data plus small pure functions — no I/O.
 */
import type { AgentRole, HintCategory, Vertical } from '../../../core/vocabulary';
import type { HintParts } from '../coach/format';
import type { TemplateContext } from '../coach/templates';
import type { SlotKey, Slots } from '../coach/types';

/** One qualification slot of a vertical: its weight in the score and the question that asks for it. */
export interface SlotSpec {
  key: SlotKey;
  weight: number;
  /** How a hint names the gap ("loan amount"). */
  label: string;
  question(slots: Slots): string;
}

/** A compliance rule of the vertical: text that breaks it (said by either side) and the hint that answers it. */
export interface ComplianceRule {
  /** Stable id, reported in the hint's signals as `vertical_compliance:<id>`. */
  id: string;
  /** One line for the API and the model prompt. */
  summary: string;
  /** Any match in a recent turn (lead or agent) triggers the rule. */
  patterns: RegExp[];
  parts: HintParts;
}

export interface VerticalTemplate {
  code: Vertical;
  /** Display name, e.g. "Mortgage lending". */
  label: string;
  /** One sentence: who the agents of this vertical talk to. */
  summary: string;
  /**
   * Qualification slots, most valuable first, per agent role; a role without an entry keeps the residential
   * slots (a transaction coordinator qualifies nobody in any vertical).
   */
  slots: Partial<Record<AgentRole, SlotSpec[]>>;
  /** The hint categories this vertical coaches, most used first. */
  hintCategories: HintCategory[];
  /** Terms agents of the vertical use with clients (for the prompt and the API). */
  vocabulary: string[];
  /** Tips that colour the primary hint (when no specialization tip applies), per category or by default. */
  tips: Partial<Record<HintCategory, string>> & { default?: string };
  compliance: ComplianceRule[];
  /** One paragraph for the model: how coaching differs in this vertical. */
  promptGuidance: string;
  /** Facts of this vertical's slots in one lead turn (the residential slots are extracted for every vertical). */
  extract?(text: string): Partial<Slots>;
  /** Replaces the parts of a category's hint (e.g. what a NEXT_STEP means in lending). */
  parts?: Partial<Record<HintCategory, (ctx: TemplateContext, base: HintParts) => HintParts>>;
}
