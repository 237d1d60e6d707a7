/** The qualification gaps that make a qualifying question the better move (used by classify.ts). */
import { AgentRole } from '../../../core/vocabulary';
import type { Slots } from './types';

/** Role-relevant slots that make a qualifying question the better move when missing. */
export function criticalGaps(role: AgentRole, slots: Slots): string[] {
  if (role === AgentRole.BUYER_AGENT) {
    const gaps: string[] = [];
    if (slots.budget === undefined) gaps.push('budget');
    if (slots.preApproved !== true) gaps.push('preApproved');
    if (!slots.areas || slots.areas.length === 0) gaps.push('areas');
    return gaps;
  }
  if (role === AgentRole.LISTING_AGENT) {
    const gaps: string[] = [];
    if (slots.priceExpectation === undefined) gaps.push('priceExpectation');
    if (slots.timelineMonths === undefined) gaps.push('timelineMonths');
    return gaps;
  }
  return [];
}
