/**
 * What the organization's vertical template (subgraphs/coaching/verticals/) changes in the offline coach: the
 * vertical's own slots extracted from the lead's turns, its compliance rules checked over the recent turns of
 * either side, its hint parts and its tips. Residential changes nothing.
 */
import { HintCategory, Speaker } from '../../../core/vocabulary';
import type { ComplianceRule, VerticalTemplate } from '../verticals/types';
import type { HintParts } from './format';
import type { TemplateContext } from './templates';
import type { Classification, Slots, Turn } from './types';

/** How many of the latest turns the compliance rules read (the lead's message and the agent's replies around it). */
const COMPLIANCE_WINDOW = 3;
const SIGNAL = 'vertical_compliance:';

/** The slots of the vertical stated in the lead's turns (later statements win) over `slots`. */
export function withVerticalSlots(vertical: VerticalTemplate, turns: Turn[], slots: Slots): Slots {
  if (!vertical.extract) return slots;
  const out: Slots = { ...slots };
  for (const turn of turns) {
    if (turn.speaker !== Speaker.LEAD) continue;
    Object.assign(out, vertical.extract(turn.text));
  }
  return out;
}

/** The first compliance rule of the vertical a recent turn breaks, if any. */
export function brokenRule(vertical: VerticalTemplate, turns: Turn[]): ComplianceRule | null {
  const recent = turns.slice(-COMPLIANCE_WINDOW);
  for (const rule of vertical.compliance) {
    if (recent.some((t) => rule.patterns.some((re) => re.test(t.text)))) return rule;
  }
  return null;
}

/** A broken vertical rule makes the primary hint its compliance warning (more specific than the generic one). */
export function withVerticalCompliance(
  vertical: VerticalTemplate,
  turns: Turn[],
  classification: Classification,
): Classification {
  const rule = brokenRule(vertical, turns);
  if (!rule) return classification;
  return {
    category: HintCategory.COMPLIANCE_WARNING,
    signals: [...classification.signals, `${SIGNAL}${rule.id}`],
    confidence: Math.max(classification.confidence, 0.9),
    strength: 'compliance',
  };
}

/** The vertical's parts for the category: its broken rule's warning, or its override of the base parts. */
export function verticalParts(
  vertical: VerticalTemplate,
  category: HintCategory,
  ctx: TemplateContext,
  base: HintParts,
): HintParts {
  if (category === HintCategory.COMPLIANCE_WARNING) {
    const id = ctx.signals.find((s) => s.startsWith(SIGNAL))?.slice(SIGNAL.length);
    const rule = id ? vertical.compliance.find((r) => r.id === id) : undefined;
    return rule ? rule.parts : base;
  }
  if (category === HintCategory.QUALIFYING_QUESTION && vertical.slots[ctx.role]?.length) {
    const spec = vertical.slots[ctx.role]?.find((s) => s.key === ctx.missing[0]);
    const question = ctx.nextQuestion ?? base.line;
    return {
      cue: `Qualify ${spec?.label ?? 'their goals'} next (${vertical.label.toLowerCase()}).`,
      line: question,
      why: `In ${vertical.label.toLowerCase()}, ${vertical.slots[ctx.role]!.map((s) => s.label).join(', ')} decide what to offer; ask before you propose anything.`,
    };
  }
  const override = vertical.parts?.[category];
  return override ? override(ctx, base) : base;
}

/** The vertical's tip for the category (used when no specialization tip applies). */
export function verticalTip(vertical: VerticalTemplate, category: HintCategory): string | null {
  if (category === HintCategory.COMPLIANCE_WARNING) return null;
  return vertical.tips[category] ?? vertical.tips.default ?? null;
}
