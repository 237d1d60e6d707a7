/** `Organization.billing`: plan, subscription and the period's usage against the quota. */
import { NotFoundError } from '../../../core/errors';
import { Plan } from '../entities/plan';
import type { Subscription } from '../entities/subscription';
import { assertBillingRead } from './access';
import type { BillingContext } from './context';
import { usageInPeriod } from './ledger';
import { findSubscription, quotaLimitOf } from './subscriptions';

export interface UsageSummary {
  hintsUsed: number;
  included: number;
  limit: number;
  remaining: number;
  resetsAt: Date;
  tokensUsed: number;
  tokenAllowance: number;
  costMicros: number;
}

export interface OrganizationBilling {
  plan: Plan;
  subscription: Subscription;
  usage: UsageSummary;
}

export async function getOrganizationBilling(
  ctx: BillingContext,
  organizationId: string,
): Promise<OrganizationBilling | null> {
  assertBillingRead(ctx.principal, organizationId);
  const sub = await findSubscription(ctx.em, ctx.principal.tenantId, { organizationId });
  if (!sub) return null;
  const plan = await ctx.em.findOne(Plan, { code: sub.planCode });
  if (!plan) throw new NotFoundError('Plan', sub.planCode);
  const used = await usageInPeriod(ctx.em, sub.tenantId, sub.currentPeriodStart, sub.currentPeriodEnd);
  const limit = quotaLimitOf(sub, plan).limit;
  return {
    plan,
    subscription: sub,
    usage: {
      hintsUsed: used.hints,
      included: plan.includedHints,
      limit,
      remaining: Math.max(0, limit - used.hints),
      resetsAt: sub.currentPeriodEnd,
      tokensUsed: used.tokens,
      tokenAllowance: plan.tokenAllowance,
      costMicros: used.costMicros,
    },
  };
}
