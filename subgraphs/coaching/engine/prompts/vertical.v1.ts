/**
 * The vertical's part of the user message: which vertical, how coaching differs in it, its vocabulary, its
 * compliance rules and its qualification slots (from the template, subgraphs/coaching/verticals/), and how its
 * slots read as known facts. In the user message, so the system prompt stays one per (role, experience) and cached.
 */
import { AgentRole, canonicalVertical } from '../../../../core/vocabulary';
import type { Slots } from '../../coach/types';
import { verticalTemplate } from '../../verticals/registry';

/** Context lines of the vertical; an unknown code is named as given (sanitized by the caller) with residential guidance. */
export function verticalContextLines(vertical: string | undefined, role: AgentRole, named: string): string[] {
  const t = verticalTemplate(vertical);
  const label = canonicalVertical(vertical) ? `${t.label} (${t.code})` : named;
  const slots = (t.slots[role] ?? []).map((s) => s.key);
  return [
    `Market vertical: ${label}`,
    `Vertical playbook: ${t.promptGuidance}`,
    `Vertical vocabulary: ${t.vocabulary.join(', ')}`,
    ...(slots.length ? [`Vertical qualification slots (most valuable first): ${slots.join(', ')}`] : []),
    ...t.compliance.map((r) => `Vertical compliance rule ${r.id}: ${r.summary}`),
  ];
}

const money = (n: number): string => `$${Math.round(n).toLocaleString('en-US')}`;

/** Known facts of the vertical slots, as the user message states them. */
export function describeVerticalSlots(s: Slots): string[] {
  const out: string[] = [];
  if (s.spaceUse !== undefined) out.push(`use of space ${s.spaceUse}`);
  if (s.squareFeet !== undefined) out.push(`about ${s.squareFeet.toLocaleString('en-US')} sq ft`);
  if (s.leaseTermMonths !== undefined) out.push(`lease term about ${s.leaseTermMonths} month(s)`);
  if (s.loanAmount !== undefined) out.push(`loan amount about ${money(s.loanAmount)}`);
  if (s.creditScore !== undefined) out.push(`credit score about ${s.creditScore}`);
  if (s.downPayment !== undefined) out.push(`down payment ${money(s.downPayment)}`);
  if (s.downPaymentPercent !== undefined) out.push(`down payment ${s.downPaymentPercent}%`);
  if (s.units !== undefined) out.push(`${s.units} rental unit(s)`);
  if (s.monthlyRent !== undefined) out.push(`rent ${money(s.monthlyRent)}/month`);
  if (s.proofOfFunds !== undefined)
    out.push(s.proofOfFunds ? 'cash / proof of funds' : 'no proof of funds yet');
  return out;
}
