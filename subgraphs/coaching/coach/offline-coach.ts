/**
 * The offline coach: deterministic, rule-based coaching for real-estate agents. Pure — no I/O, no network.
 * Extracts slots from the lead's turns, scores qualification for the agent's role, classifies the latest
 * lead turn and renders 1–3 hints (primary first) for the agent's role, experience and specializations.
 */
import { AgentRole, ConversationStage, HintCategory, ObjectionType, Speaker } from '../../../core/vocabulary';
import { classifyTurn } from './classify';
import { classifyWithModel } from './model';
import type { CompiledModel } from './naive-bayes';
import { render, specializationTip, type HintParts } from './format';
import { qualify } from './qualification';
import { recallInHints, withRemembered } from './memory';
import { extractSlots } from './slots';
import { verticalTemplate } from '../verticals/registry';
import { verticalParts, verticalTip, withVerticalCompliance, withVerticalSlots } from './vertical-coaching';
import { complianceParts, objectionParts, type TemplateContext } from './templates';
import { informationParts, nextStepParts, qualifyingParts, rapportParts } from './templates-general';
import { applyVariant } from './variants';
import { playFor } from './playbook';
import type { CoachInput, CoachOutput, ConversationAnalysis, HintDraft } from './types';

export type { AgentProfileView, CoachInput, CoachOutput, HintDraft, Slots, Turn } from './types';

const EARLY_STAGES = new Set<ConversationStage>([
  ConversationStage.INITIAL_CONTACT,
  ConversationStage.QUALIFICATION,
  ConversationStage.NEEDS_ANALYSIS,
  ConversationStage.PROPERTY_SEARCH,
]);

const STAGE_ORDER: ConversationStage[] = [
  ConversationStage.INITIAL_CONTACT,
  ConversationStage.QUALIFICATION,
  ConversationStage.NEEDS_ANALYSIS,
  ConversationStage.PROPERTY_SEARCH,
  ConversationStage.SHOWING,
  ConversationStage.NEGOTIATION,
  ConversationStage.UNDER_CONTRACT,
  ConversationStage.CLOSING,
  ConversationStage.FOLLOW_UP,
];

function parts(
  category: HintCategory,
  objection: ObjectionType | undefined,
  ctx: TemplateContext,
): HintParts {
  switch (category) {
    case HintCategory.COMPLIANCE_WARNING:
      return complianceParts(ctx);
    case HintCategory.OBJECTION_HANDLING:
      return objectionParts(objection ?? ObjectionType.JUST_LOOKING, ctx);
    case HintCategory.RAPPORT:
      return rapportParts(ctx);
    case HintCategory.INFORMATION:
      return informationParts(ctx);
    case HintCategory.NEXT_STEP:
      return nextStepParts(ctx);
    case HintCategory.QUALIFYING_QUESTION:
    default:
      return qualifyingParts(ctx);
  }
}

function draft(
  category: HintCategory,
  objection: ObjectionType | undefined,
  ctx: TemplateContext,
  input: CoachInput,
  confidence: number,
  signals: string[],
  primary: boolean,
): HintDraft {
  const vertical = verticalTemplate(input.vertical);
  const base = parts(category, objection, ctx);
  const chosen = verticalParts(vertical, category, ctx, base);
  // The role's play (steps, strategy, risks) goes with the residential parts; a vertical's own parts stand alone.
  const played = chosen === base ? { ...playFor(ctx.role, category, objection), ...base } : chosen;
  const p = applyVariant(played, input.variant, category);
  // Specialization colours the primary hint only; secondary hints stay short.
  const tip = primary
    ? (specializationTip(input.agent.specializations, category, input.agent.role) ??
      verticalTip(vertical, category))
    : null;
  const hint: HintDraft = {
    category,
    text: render(p, input.agent.experience, tip),
    rationale: signals.length > 0 ? `${p.why} (signals: ${signals.join(', ')})` : p.why,
    confidence,
  };
  if (objection !== undefined) hint.objection = objection;
  return hint;
}

/** Maps an agent's own question to the hint that answers it best. */
function topicOfAgentQuestion(question: string): { category: HintCategory; objection?: ObjectionType } {
  if (/\bfair housing\b|\bsteer\w*|\bprotected\b|\bdiscriminat\w*/i.test(question))
    return { category: HintCategory.COMPLIANCE_WARNING };
  if (/\bcommission\b|\bfees?\b|\bcompensation\b/i.test(question))
    return { category: HintCategory.OBJECTION_HANDLING, objection: ObjectionType.COMMISSION };
  if (/\bcompetit\w*|\bother agent\b|\bopendoor\b|\bzillow offers\b/i.test(question))
    return { category: HintCategory.OBJECTION_HANDLING, objection: ObjectionType.COMPETITOR };
  if (/\btoo (?:high|low)\b|\bpric\w*|\bcomps?\b/i.test(question))
    return { category: HintCategory.OBJECTION_HANDLING, objection: ObjectionType.PRICE };
  if (/\bqualif\w*|\bwhat (?:should|do) i ask\b|\bbudget\b/i.test(question))
    return { category: HintCategory.QUALIFYING_QUESTION };
  if (/\bnext\b|\bclose\b|\bschedul\w*|\bbook\b/i.test(question)) return { category: HintCategory.NEXT_STEP };
  return { category: HintCategory.INFORMATION };
}

const UNDER_CONTRACT_SAID =
  /\b(?:are|we're|is|it's|now|went|go(?:es)?) under contract\b|\bin escrow\b|\b(?:accepted|took) (?:an|the|our|their) offer\b/i;

function suggestStage(
  current: ConversationStage,
  role: AgentRole,
  category: HintCategory,
  signals: string[],
  lead: string,
): ConversationStage {
  let target = current;
  if (category === HintCategory.QUALIFYING_QUESTION) target = ConversationStage.QUALIFICATION;
  if (category === HintCategory.NEXT_STEP) {
    if (role === AgentRole.TRANSACTION_COORDINATOR) target = ConversationStage.CLOSING;
    else if (/\boffer\b/i.test(lead)) target = ConversationStage.NEGOTIATION;
    // wanting to list (or sign a listing agreement) is the listing appointment, not a deal under contract
    else if (role === AgentRole.LISTING_AGENT) target = ConversationStage.NEEDS_ANALYSIS;
    else if (signals.some((s) => /schedule_request|time_proposed|availability/.test(s)))
      target = ConversationStage.SHOWING;
    else target = ConversationStage.PROPERTY_SEARCH;
  }
  // a deal is under contract only when the lead says so (stage workflows fire on it)
  if (UNDER_CONTRACT_SAID.test(lead)) target = ConversationStage.UNDER_CONTRACT;
  if (signals.includes('objection:JUST_LOOKING')) return ConversationStage.FOLLOW_UP;
  if (current === ConversationStage.FOLLOW_UP) return target === current ? current : target;
  return STAGE_ORDER.indexOf(target) > STAGE_ORDER.indexOf(current) ? target : current;
}

export interface CoachOptions {
  /** Classifier to arbitrate with (default: the committed model; cross-validation passes a fold's model). */
  model?: CompiledModel;
}

/** The reference date of `input` (`now`, else the clock). */
export function coachNow(input: Pick<CoachInput, 'now'>): Date {
  const parsedNow = input.now !== undefined ? new Date(input.now) : undefined;
  return parsedNow && !Number.isNaN(parsedNow.getTime()) ? parsedNow : new Date();
}

/**
 * The costly half of the offline coach: slots, qualification and the latest lead turn's classification.
 * It reads only the agent's role, the turns, the remembered facts, the vertical and the reference date
 * (conversation-analysis.ts keys a shared analysis on exactly these) — not the stage, the agent's question,
 * the variant, experience or specializations, which only the rendering reads.
 */
export function analyseConversation(input: CoachInput, options: CoachOptions = {}): ConversationAnalysis {
  const role = input.agent.role;
  const now = coachNow(input);
  const vertical = verticalTemplate(input.vertical);
  const known = withRemembered(input.remembered, extractSlots(input.turns, { role, now }));
  const slots = withVerticalSlots(vertical, input.turns, known);
  const qualification = qualify(role, slots, vertical);
  const classified = classifyWithModel(
    classifyTurn({ role, turns: input.turns, slots, qualificationScore: qualification.score }),
    input.turns,
    role,
    options.model,
  );
  const classification = withVerticalCompliance(vertical, input.turns, classified);
  return { slots, qualification, classification };
}

/** Deterministic coaching for the latest lead turn. */
export function offlineCoach(input: CoachInput, options: CoachOptions = {}): CoachOutput {
  return coachFromAnalysis(input, analyseConversation(input, options));
}

/** The hints, stage and signals for `input` from its analysis (`analyseConversation` of the same input). */
export function coachFromAnalysis(input: CoachInput, analysis: ConversationAnalysis): CoachOutput {
  const role = input.agent.role;
  const { slots, qualification, classification } = analysis;
  const lead = [...input.turns].reverse().find((t) => t.speaker === Speaker.LEAD)?.text ?? '';
  const ctx: TemplateContext = {
    role,
    slots,
    signals: classification.signals,
    lead,
    nextQuestion: qualification.nextQuestion,
    missing: qualification.missing,
  };
  const hints: HintDraft[] = [
    draft(
      classification.category,
      classification.objection,
      ctx,
      input,
      classification.confidence,
      classification.signals,
      true,
    ),
  ];

  if (input.question && input.question.trim().length > 0) {
    const topic = topicOfAgentQuestion(input.question);
    const qctx: TemplateContext = { ...ctx, lead: input.question };
    const dup = topic.category === classification.category && topic.objection === classification.objection;
    if (!dup) hints.push(draft(topic.category, topic.objection, qctx, input, 0.6, ['agent_question'], false));
  }

  // A follow-up qualifying question helps early in the conversation; it is noise after a celebration,
  // in a hard moment, once an offer is on the table, or late in the deal.
  const early = EARLY_STAGES.has(input.stage);
  const offerInPlay = /\boffers?\b|\bunder contract\b|\bclosing\b/i.test(
    input.turns.map((t) => t.text).join(' '),
  );
  if (
    hints.length < 3 &&
    classification.category !== HintCategory.QUALIFYING_QUESTION &&
    classification.category !== HintCategory.RAPPORT &&
    early &&
    !offerInPlay &&
    role !== AgentRole.TRANSACTION_COORDINATOR &&
    qualification.nextQuestion !== null &&
    qualification.score < 80
  ) {
    const gaps = qualification.missing.map((m) => `gap:${m}`);
    hints.push(
      draft(
        HintCategory.QUALIFYING_QUESTION,
        undefined,
        { ...ctx, secondary: true },
        input,
        0.5,
        gaps,
        false,
      ),
    );
  }

  return {
    hints: recallInHints(hints, input.remembered, input.turns),
    slots,
    qualification,
    stage: suggestStage(input.stage, role, classification.category, classification.signals, lead),
    signals: classification.signals,
  };
}
