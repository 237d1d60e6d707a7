/**
 * `seedBilling`: the plan catalogue plus one subscription per given tenant (current calendar month,
 * ACTIVE, the plan's included seats). Idempotent; works under RLS (each tenant in its own tenant scope).
 */
import { randomUUID } from 'node:crypto';
import type { Orm } from '../../core/db/orm';
import { withTenantScope } from '../../core/db/request-scope';
import { inTransaction } from '../../core/outbox';
import { Plan } from './entities/plan';
import { Subscription } from './entities/subscription';
import { ensurePlans } from './service/catalogue';
import { monthPeriod } from './service/periods';
import { enqueueSubscriptionChanged, findSubscription } from './service/subscriptions';
import { SubscriptionStatus } from '../../core/vocabulary';

export interface SeedBillingInput {
  tenants: {
    tenantId: string;
    organizationId: string;
    planCode: string;
    seats?: number;
    trialDays?: number;
  }[];
}

export interface SeedBillingOptions {
  now?: Date;
}

export async function seedBilling(
  orm: Orm,
  input: SeedBillingInput,
  opts: SeedBillingOptions = {},
): Promise<void> {
  const now = opts.now ?? new Date();
  await orm.em.fork({ clear: true }).transactional((em) => ensurePlans(em));
  for (const t of input.tenants) {
    await withTenantScope(orm, t.tenantId, (scoped) =>
      inTransaction(scoped, async (em) => {
        const plan = await em.findOneOrFail(Plan, { code: t.planCode });
        let sub = await findSubscription(em, t.tenantId);
        if (!sub) {
          const period = monthPeriod(now);
          const trialEndsAt = t.trialDays ? new Date(now.getTime() + t.trialDays * 86_400_000) : null;
          sub = em.create(Subscription, {
            id: randomUUID(),
            tenantId: t.tenantId,
            organizationId: t.organizationId,
            planCode: plan.code,
            periodPlanCode: plan.code,
            status: trialEndsAt ? SubscriptionStatus.TRIALING : SubscriptionStatus.ACTIVE,
            currentPeriodStart: period.start,
            currentPeriodEnd: period.end,
            trialEndsAt,
            seats: t.seats ?? plan.seats,
            createdAt: now,
            updatedAt: now,
          });
          em.persist(sub);
          await enqueueSubscriptionChanged(em, sub, plan);
          await em.flush();
        }
      }),
    );
  }
}
