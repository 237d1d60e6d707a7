/** The seeded plan catalogue (money in integer cents, per-hint prices in micros). */
import type { EntityManager } from '@mikro-orm/core';
import { sqlEm } from '../../../core/outbox';
import { Plan } from '../entities/plan';

export type PlanRow = Omit<Plan, never>;

export const PLAN_CATALOGUE: readonly PlanRow[] = [
  {
    code: 'STARTER',
    name: 'Starter',
    monthlyFeeCents: 4_900,
    includedHints: 500,
    hintLimit: 500,
    overagePriceMicros: 30_000,
    tokenAllowance: 1_000_000,
    seats: 3,
    seatPriceCents: 1_500,
    sortOrder: 1,
  },
  {
    code: 'PRO',
    name: 'Pro',
    monthlyFeeCents: 19_900,
    includedHints: 5_000,
    hintLimit: 25_000,
    overagePriceMicros: 15_000,
    tokenAllowance: 10_000_000,
    seats: 10,
    seatPriceCents: 1_200,
    sortOrder: 2,
  },
  {
    code: 'ENTERPRISE',
    name: 'Enterprise',
    monthlyFeeCents: 99_900,
    includedHints: 50_000,
    hintLimit: 500_000,
    overagePriceMicros: 8_500,
    tokenAllowance: 100_000_000,
    seats: 50,
    seatPriceCents: 900,
    sortOrder: 3,
  },
];

/** Inserts missing catalogue plans (idempotent; existing rows are left as they are). */
export async function ensurePlans(em: EntityManager): Promise<void> {
  await sqlEm(em)
    .createQueryBuilder(Plan)
    .insert(PLAN_CATALOGUE.map((p) => ({ ...p })))
    .onConflict('code')
    .ignore()
    .execute('run');
}

export async function loadPlan(em: EntityManager, code: string): Promise<Plan | null> {
  return em.findOne(Plan, { code });
}
