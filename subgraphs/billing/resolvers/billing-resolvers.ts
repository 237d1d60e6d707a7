/** Thin resolvers over the billing service functions. */
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { byKeys, loaderFor } from '../../../core/request-context';
import type { BillingContext } from '../runtime';
import { Invoice } from '../entities/invoice';
import { Plan } from '../entities/plan';
import { Subscription } from '../entities/subscription';
import { changePlan } from '../service/change-plan';
import { closePeriod, getInvoice, listInvoices } from '../service/invoices';
import { getOrganizationBilling } from '../service/organization-billing';
import { ChangePlanInput, ClosePeriodInput, Organization, OrganizationBilling, PlanChange } from './types';

function planLoader(ctx: BillingContext) {
  return loaderFor<string, Plan | null>(ctx, 'billing.plan', async (codes) =>
    byKeys(codes, await ctx.em.find(Plan, { code: { $in: [...codes] } }), (p) => p.code),
  );
}

@Resolver()
export class BillingResolver {
  @Query(() => [Plan], { description: 'The plan catalogue.' })
  async plans(@Ctx() ctx: BillingContext): Promise<Plan[]> {
    return ctx.em.find(Plan, {}, { orderBy: { sortOrder: 'asc' } });
  }

  @Query(() => [Invoice], {
    description: 'Invoices of the visible organizations, newest first (billing:read).',
  })
  async invoices(
    @Ctx() ctx: BillingContext,
    @Arg('organizationId', () => ID, { nullable: true }) organizationId?: string,
  ): Promise<Invoice[]> {
    return listInvoices(ctx, organizationId ?? undefined);
  }

  @Query(() => Invoice, { description: 'One invoice (billing:read).' })
  async invoice(@Ctx() ctx: BillingContext, @Arg('id', () => ID) id: string): Promise<Invoice> {
    return getInvoice(ctx, id);
  }

  @Mutation(() => Invoice, {
    description: 'Closes the open period and issues its invoice; idempotent (billing:write).',
  })
  async closePeriod(
    @Ctx() ctx: BillingContext,
    @Arg('input', () => ClosePeriodInput) input: ClosePeriodInput,
  ): Promise<Invoice> {
    return closePeriod(ctx, input);
  }

  @Mutation(() => PlanChange, { description: 'Changes the plan now, with proration (billing:write).' })
  async changePlan(
    @Ctx() ctx: BillingContext,
    @Arg('input', () => ChangePlanInput) input: ChangePlanInput,
  ): Promise<PlanChange> {
    return changePlan(ctx, input);
  }
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => OrganizationBilling, {
    nullable: true,
    description: 'Plan, subscription and usage (billing:read).',
  })
  async billing(@Root() org: Organization, @Ctx() ctx: BillingContext): Promise<OrganizationBilling | null> {
    return getOrganizationBilling(ctx, org.id);
  }
}

@Resolver(() => Subscription)
export class SubscriptionResolver {
  @FieldResolver(() => Plan)
  async plan(@Root() sub: Subscription, @Ctx() ctx: BillingContext): Promise<Plan | null> {
    return planLoader(ctx).load(sub.planCode);
  }
}
