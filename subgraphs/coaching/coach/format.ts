/**
 * Experience- and specialization-aware rendering of a hint. The advice differs by experience, not only its
 * wrapper (the role's play, playbook.ts, supplies steps, strategy and risks):
 * NOVICE: a ready line to say, in quotes, why it works and the numbered steps to follow.
 * EXPERIENCED: the cue, the first two steps and a sample line.
 * EXPERT: the strategy and the risks to watch; no script.
 */
import { AgentRole, Experience, HintCategory, Specialization } from '../../../core/vocabulary';

export interface HintParts {
  /** Terse cue for experts, one short sentence. */
  cue: string;
  /** What to say, word for word. */
  line: string;
  /** Why it works. */
  why: string;
  /** The steps to follow, in order (from the role's play). */
  steps?: readonly string[];
  /** The move in one sentence, for an expert (from the role's play). */
  strategy?: string;
  /** What to watch out for (from the role's play). */
  risks?: readonly string[];
}

const SPECIALIZATION_TIPS: Record<
  Specialization,
  Partial<Record<HintCategory, string>> & { default?: string }
> = {
  [Specialization.LUXURY]: {
    default:
      'Luxury clients expect discretion and white-glove service — offer private showings and off-market options.',
    [HintCategory.OBJECTION_HANDLING]:
      'At the luxury level, lead with your marketing reach and discretion, not a discount.',
    [HintCategory.NEXT_STEP]:
      'Keep it white-glove: confirm every detail personally and have proof of funds or the lender letter ready.',
  },
  [Specialization.FIRST_TIME_BUYERS]: {
    default:
      'First-time buyers value a plain-English walk through each step — pre-approval, offer, inspection, closing.',
    [HintCategory.QUALIFYING_QUESTION]:
      'Mention down-payment assistance and first-time buyer loan programs when you talk budget.',
    [HintCategory.OBJECTION_HANDLING]:
      'First-time buyers often need reassurance about the process more than the numbers — explain what happens next.',
  },
  [Specialization.INVESTMENT]: {
    default: 'Frame it in investor terms: cash flow, cap rate, rent comps and exit options.',
    [HintCategory.QUALIFYING_QUESTION]:
      'Ask about target cash flow or cap rate and financing (DSCR, conventional, cash).',
  },
  [Specialization.RELOCATION]: {
    default:
      'Relocating clients appreciate virtual tours, area orientation and help coordinating from a distance.',
    [HintCategory.QUALIFYING_QUESTION]:
      'Ask about the start date and commute to the new job — it narrows areas fast.',
  },
  [Specialization.NEW_CONSTRUCTION]: {
    default: 'Mention builder incentives and that you represent them in the builder negotiation.',
  },
  [Specialization.COMMERCIAL]: {
    default: 'If there is a commercial angle, talk NOI, zoning and use — not just price.',
  },
};

/** Specializations whose tips only make sense on one side of the deal. */
const BUY_SIDE_ONLY = new Set<Specialization>([
  Specialization.FIRST_TIME_BUYERS,
  Specialization.NEW_CONSTRUCTION,
]);

/** The most relevant specialization tip for this role and category, if any. */
export function specializationTip(
  specializations: Specialization[],
  category: HintCategory,
  role: AgentRole,
): string | null {
  for (const s of specializations) {
    if (role === AgentRole.LISTING_AGENT && BUY_SIDE_ONLY.has(s)) continue;
    // A TC gets a tip only where it is specific to the moment, never the generic sales advice.
    if (role === AgentRole.TRANSACTION_COORDINATOR && SPECIALIZATION_TIPS[s][category] === undefined)
      continue;
    const tips = SPECIALIZATION_TIPS[s];
    const tip = tips[category] ?? tips.default;
    if (tip && category !== HintCategory.COMPLIANCE_WARNING) return tip;
  }
  return null;
}

const numbered = (steps: readonly string[]): string =>
  steps.map((step, i) => `${i + 1}) ${step.replace(/[.;]\s*$/, '')}`).join(' ');

const sentence = (s: string): string => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/** Renders a hint for the agent's experience level. */
export function render(parts: HintParts, experience: Experience, tip: string | null): string {
  const steps = parts.steps ?? [];
  switch (experience) {
    case Experience.NOVICE: {
      const plan = steps.length ? ` Steps: ${numbered(steps)}.` : '';
      return `Say: "${parts.line}" — why: ${sentence(parts.why)}${plan}${tip ? ` Tip: ${tip}` : ''}`;
    }
    case Experience.EXPERT: {
      const risks = parts.risks?.length ? ` Watch: ${parts.risks.join('; ')}.` : '';
      return `${sentence(parts.strategy ?? parts.cue)}${risks}`;
    }
    case Experience.EXPERIENCED:
    default: {
      const next = steps.length ? ` Next: ${steps.slice(0, 2).join('; ')}.` : '';
      return `${sentence(parts.cue)}${next} Try: "${parts.line}"${tip ? ` (${tip})` : ''}`;
    }
  }
}
