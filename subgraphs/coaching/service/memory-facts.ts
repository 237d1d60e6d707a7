/**
 * Long-term contact memory: the qualification slots a lead stated, kept per contact as typed facts with the
 * session they came from. Only slots are ever facts (the slot extractor of coach/slots.ts decides what a
 * fact is), and a fact whose text mentions a protected class (coach/fair-housing.ts) is never kept: no
 * religion, race, national origin, familial status, disability or sex, even when the lead volunteered it.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { mentionsProtectedClass } from '../coach/fair-housing';
import { formatAreas, formatMoney } from '../coach/qualification';
import type { Slots } from '../coach/types';
import { ContactFact } from '../entities';

/** The slot keys a fact may hold, in the order the API lists them. */
export const FACT_KEYS = [
  'budget',
  'priceExpectation',
  'timelineMonths',
  'preApproved',
  'bedrooms',
  'propertyType',
  'areas',
  'motivation',
  // the slots of other verticals (subgraphs/coaching/verticals/templates/): not asked again either
  'spaceUse',
  'squareFeet',
  'leaseTermMonths',
  'loanAmount',
  'creditScore',
  'downPayment',
  'downPaymentPercent',
  'units',
  'monthlyRent',
  'proofOfFunds',
] as const satisfies readonly (keyof Slots)[];
export type FactKey = (typeof FACT_KEYS)[number];

/** Motivations that would describe family or marital status: never remembered. */
const PRIVATE_MOTIVATIONS = new Set(['DIVORCE']);

const PROPERTY_LABEL: Record<string, string> = {
  SINGLE_FAMILY: 'single-family home',
  CONDO: 'condo',
  TOWNHOUSE: 'townhome',
  MULTI_FAMILY: 'multi-family',
  LAND: 'land',
};

/** "Label: value" for one fact, e.g. "Budget: up to $450,000". */
export function describeFact(key: FactKey, value: unknown): string {
  switch (key) {
    case 'budget':
      return `Budget: up to ${formatMoney(Number(value))}`;
    case 'priceExpectation':
      return `Price expectation: about ${formatMoney(Number(value))}`;
    case 'timelineMonths':
      return `Timeline: about ${Number(value)} month(s)`;
    case 'preApproved':
      return `Pre-approval: ${value ? 'pre-approved' : 'not yet'}`;
    case 'bedrooms':
      return `Bedrooms: ${Number(value)}+`;
    case 'propertyType':
      return `Property type: ${PROPERTY_LABEL[String(value)] ?? String(value)}`;
    case 'areas':
      return `Areas: ${formatAreas(Array.isArray(value) ? value.map(String) : [])}`;
    case 'motivation':
      return `Motivation: ${String(value).toLowerCase()}`;
    default:
      return describeVerticalFact(key, value);
  }
}

const dollars = (n: unknown): string => `$${Math.round(Number(n)).toLocaleString('en-US')}`;

/** "Label: value" for a fact of another vertical's slot. */
function describeVerticalFact(
  key: Exclude<
    FactKey,
    | 'budget'
    | 'priceExpectation'
    | 'timelineMonths'
    | 'preApproved'
    | 'bedrooms'
    | 'propertyType'
    | 'areas'
    | 'motivation'
  >,
  value: unknown,
): string {
  switch (key) {
    case 'spaceUse':
      return `Use of space: ${String(value).toLowerCase()}`;
    case 'squareFeet':
      return `Space: about ${Number(value).toLocaleString('en-US')} sq ft`;
    case 'leaseTermMonths':
      return `Lease term: about ${Number(value)} month(s)`;
    case 'loanAmount':
      return `Loan amount: about ${formatMoney(Number(value))}`;
    case 'creditScore':
      return `Credit score: about ${Number(value)}`;
    case 'downPayment':
      return `Down payment: ${formatMoney(Number(value))}`;
    case 'downPaymentPercent':
      return `Down payment: ${Number(value)}%`;
    case 'units':
      return `Rental units: ${Number(value)}`;
    case 'monthlyRent':
      return `Rent: ${dollars(value)} a month`;
    case 'proofOfFunds':
      return `Proof of funds: ${value ? 'cash / ready' : 'not yet'}`;
  }
}

/** The facts of these slots that may be remembered (protected-class content filtered out). */
export function rememberableFacts(slots: Slots): { key: FactKey; value: unknown }[] {
  const out: { key: FactKey; value: unknown }[] = [];
  for (const key of FACT_KEYS) {
    let value: unknown = slots[key];
    if (value === undefined || value === null) continue;
    if (key === 'areas') {
      value = (value as string[]).filter((a) => mentionsProtectedClass(a) === null);
      if ((value as string[]).length === 0) continue;
    }
    if (key === 'motivation' && PRIVATE_MOTIVATIONS.has(String(value))) continue;
    if (mentionsProtectedClass(describeFact(key, value)) !== null) continue;
    out.push({ key, value });
  }
  return out;
}

/**
 * Upserts the session's facts for its contact; a fact changes (and takes this session as source) only when
 * its value does. `known`: every fact row of the contact when the caller already read them (turn-memory.ts);
 * a row created here is added to it.
 */
export async function rememberFacts(
  em: EntityManager,
  at: { tenantId: string; contactId: string; sessionId: string },
  slots: Slots,
  now: Date,
  known?: ContactFact[],
): Promise<void> {
  const fresh = rememberableFacts(slots);
  if (fresh.length === 0) return;
  const rows = known ?? (await em.find(ContactFact, { contactId: at.contactId }));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  for (const { key, value } of fresh) {
    const row = byKey.get(key);
    if (row && JSON.stringify(row.value) === JSON.stringify(value)) continue;
    if (row) {
      em.assign(row, { value, sourceSessionId: at.sessionId, statedAt: now, updatedAt: now });
    } else {
      const created = em.create(ContactFact, {
        id: randomUUID(),
        tenantId: at.tenantId,
        contactId: at.contactId,
        key,
        value,
        sourceSessionId: at.sessionId,
        statedAt: now,
        updatedAt: now,
      });
      known?.push(created);
    }
  }
}

/** The contact's facts stated after `cutoff` (the tenant's retention), in FACT_KEYS order. */
export async function contactFacts(
  em: EntityManager,
  contactId: string,
  cutoff: Date,
): Promise<ContactFact[]> {
  const rows = await em.find(ContactFact, { contactId, updatedAt: { $gte: cutoff } });
  const order = (k: string) => FACT_KEYS.indexOf(k as FactKey);
  return rows.filter((r) => order(r.key) >= 0).sort((a, b) => order(a.key) - order(b.key));
}

/** The facts as slots (what qualification starts from in a new session). */
export function slotsFromFacts(rows: readonly ContactFact[]): Slots {
  const slots: Record<string, unknown> = {};
  for (const r of rows) slots[r.key] = Array.isArray(r.value) ? [...(r.value as unknown[])] : r.value;
  return slots as Slots;
}
