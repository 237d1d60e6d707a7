/**
 * Qualification: a weighted share of the role-relevant slots that are known, the missing ones
 * (most valuable first) and the question that asks for the most valuable missing one, phrased per role.
 */
import { AgentRole } from '../../../core/vocabulary';
import type { VerticalTemplate } from '../verticals/types';
import type { Qualification, QualificationKey, SlotKey, Slots } from './types';

const WEIGHTS: Record<AgentRole, [QualificationKey, number][]> = {
  [AgentRole.BUYER_AGENT]: [
    ['budget', 25],
    ['preApproved', 20],
    ['areas', 20],
    ['timelineMonths', 15],
    ['bedrooms', 10],
    ['propertyType', 10],
  ],
  [AgentRole.LISTING_AGENT]: [
    ['timelineMonths', 25],
    ['priceExpectation', 25],
    ['motivation', 20],
    ['propertyType', 15],
    ['areas', 15],
  ],
  [AgentRole.TRANSACTION_COORDINATOR]: [],
};

function known(slots: Slots, key: SlotKey): boolean {
  const value = slots[key];
  if (Array.isArray(value)) return value.length > 0;
  if (key === 'preApproved' || key === 'proofOfFunds') return value === true;
  if (key === 'downPayment') return value !== undefined || slots.downPaymentPercent !== undefined;
  return value !== undefined;
}

function money(n: number): string {
  if (n >= 1_000_000) return `$${(n / 1_000_000).toFixed(n % 1_000_000 === 0 ? 0 : 2).replace(/0$/, '')}M`;
  return `$${Math.round(n / 1000)}k`;
}

/** Human-readable summary of the known slots, e.g. "a 3-bed condo in Tampa under $350k". */
export function describeWant(slots: Slots): string {
  const parts: string[] = [];
  if (slots.bedrooms !== undefined) parts.push(`${slots.bedrooms}-bed`);
  const type: Record<string, string> = {
    SINGLE_FAMILY: 'home',
    CONDO: 'condo',
    TOWNHOUSE: 'townhome',
    MULTI_FAMILY: 'multi-family',
    LAND: 'lot',
  };
  parts.push(slots.propertyType ? (type[slots.propertyType] ?? 'home') : 'home');
  let out = parts.join(' ');
  if (slots.areas && slots.areas.length > 0) out += ` in ${formatAreas(slots.areas)}`;
  if (slots.budget !== undefined) out += ` under ${money(slots.budget)}`;
  return out;
}

export function formatAreas(areas: string[]): string {
  const titled = areas.map((a) => a.replace(/\b[a-z]/g, (ch) => ch.toUpperCase()));
  if (titled.length <= 1) return titled[0] ?? '';
  return `${titled.slice(0, -1).join(', ')} or ${titled[titled.length - 1] ?? ''}`;
}

export { money as formatMoney };

function questionFor(role: AgentRole, key: QualificationKey, slots: Slots): string {
  const where = slots.areas && slots.areas.length > 0 ? ` in ${formatAreas(slots.areas)}` : '';
  if (role === AgentRole.LISTING_AGENT) {
    switch (key) {
      case 'timelineMonths':
        return 'When would you ideally like to be moved out — is there a date you are working toward?';
      case 'priceExpectation':
        return 'Do you have a number in mind you would need to walk away with to make the move work?';
      case 'motivation':
        return "What's prompting the move — is it more about timing, space, or something else?";
      case 'propertyType':
        return 'Tell me a bit about the home — is it a single-family house, condo or townhome, and any updates you have done?';
      case 'areas':
        return 'Where are you hoping to land after the sale — staying local or moving out of the area?';
      default:
        return 'What would make this sale a success for you?';
    }
  }
  switch (key) {
    case 'budget':
      return `What price range feels comfortable for you${where}, thinking about the monthly payment?`;
    case 'preApproved':
      return 'Have you had a chance to talk with a lender yet? A pre-approval lets us move fast when the right one comes up.';
    case 'areas':
      return 'Which areas are you focused on — is it commute, schools, or a certain feel that matters most?';
    case 'timelineMonths':
      return 'When would you ideally like to be moved in — is there a lease end or date driving it?';
    case 'bedrooms':
      return 'How many bedrooms do you need at minimum, and is there anything that is a must-have?';
    case 'propertyType':
      return 'Are you picturing a single-family home, a townhome, or a condo?';
    default:
      return 'What would the perfect place look like for you?';
  }
}

/**
 * Scores qualification for the agent's role, with the vertical's slots and questions when its template has
 * them for the role (residential, and any role a template leaves out, keep the slots above).
 */
export function qualify(role: AgentRole, slots: Slots): Qualification<QualificationKey>;
export function qualify(role: AgentRole, slots: Slots, vertical?: VerticalTemplate): Qualification;
export function qualify(role: AgentRole, slots: Slots, vertical?: VerticalTemplate): Qualification {
  const specs = role === AgentRole.TRANSACTION_COORDINATOR ? undefined : vertical?.slots[role];
  if (specs && specs.length > 0) {
    const weights = specs.map((spec): [SlotKey, number] => [spec.key, spec.weight]);
    const { score, missing } = scoreSlots(weights, slots);
    const first = specs.find((spec) => spec.key === missing[0]);
    return { score, missing, nextQuestion: first ? first.question(slots) : null };
  }
  const weights = WEIGHTS[role];
  if (weights.length === 0) return { score: 100, missing: [], nextQuestion: null };
  const { score, missing } = scoreSlots(weights, slots);
  const first = missing[0];
  return { score, missing, nextQuestion: first === undefined ? null : questionFor(role, first, slots) };
}

/** The weighted slots qualification scores for a role in a vertical (residential when it has none for the role). */
export function slotWeights(role: AgentRole, vertical?: VerticalTemplate): [SlotKey, number][] {
  const specs = role === AgentRole.TRANSACTION_COORDINATOR ? undefined : vertical?.slots[role];
  if (specs && specs.length > 0) return specs.map((spec) => [spec.key, spec.weight]);
  return [...WEIGHTS[role]];
}

function scoreSlots<K extends SlotKey>(
  weights: [K, number][],
  slots: Slots,
): { score: number; missing: K[] } {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let have = 0;
  const missing: K[] = [];
  for (const [key, w] of weights) {
    if (known(slots, key)) have += w;
    else missing.push(key);
  }
  return { score: Math.round((have / total) * 100), missing };
}
