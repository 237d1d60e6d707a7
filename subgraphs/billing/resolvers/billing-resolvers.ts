/** Thin resolvers over the billing service functions, bound to the subgraph's runtime. */
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { NonEmptyArray } from 'type-graphql';
import { byKeys, loaderFor, type RequestContext } from '../../../core/request-context';
import { Invoice } from '../entities/invoice';
import { Plan } from '../entities/plan';
import { Subscription } from '../entities/subscription';
import type { BillingContext, BillingRuntime } from '../service/context';
import { changePlan } from '../service/change-plan';
import { closePeriod, getInvoice, listInvoices } from '../service/invoices';
import { getOrganizationBilling } from '../service/organization-billing';
import { ChangePlanInput, ClosePeriodInput, Organization, OrganizationBilling, PlanChange } from './types';

function planLoader(ctx: RequestContext) {
  return loaderFor<string, Plan | null>(ctx, 'billing.plan', async (codes) =>
    byKeys(codes, await ctx.em.find(Plan, { code: { $in: [...codes] } }), (p) => p.code),
  );
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function createBillingResolvers(runtime: BillingRuntime): NonEmptyArray<Function> {
  const bctx = (ctx: RequestContext): BillingContext => ({ ...ctx, billing: runtime });

  @Resolver()
  class BillingResolver {
    @Query(() => [Plan], { description: 'The plan catalogue.' })
    async plans(@Ctx() ctx: RequestContext): Promise<Plan[]> {
      return ctx.em.find(Plan, {}, { orderBy: { sortOrder: 'asc' } });
    }

    @Query(() => [Invoice], {
      description: 'Invoices of the visible organizations, newest first (billing:read).',
    })
    async invoices(
      @Ctx() ctx: RequestContext,
      @Arg('organizationId', () => ID, { nullable: true }) organizationId?: string,
    ): Promise<Invoice[]> {
      return listInvoices(bctx(ctx), organizationId ?? undefined);
    }

    @Query(() => Invoice, { description: 'One invoice (billing:read).' })
    async invoice(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Invoice> {
      return getInvoice(bctx(ctx), id);
    }

    @Mutation(() => Invoice, {
      description: 'Closes the open period and issues its invoice; idempotent (billing:write).',
    })
    async closePeriod(
      @Ctx() ctx: RequestContext,
      @Arg('input', () => ClosePeriodInput) input: ClosePeriodInput,
    ): Promise<Invoice> {
      return closePeriod(bctx(ctx), input);
    }

    @Mutation(() => PlanChange, { description: 'Changes the plan now, with proration (billing:write).' })
    async changePlan(
      @Ctx() ctx: RequestContext,
      @Arg('input', () => ChangePlanInput) input: ChangePlanInput,
    ): Promise<PlanChange> {
      return changePlan(bctx(ctx), input);
    }
  }

  @Resolver(() => Organization)
  class OrganizationResolver {
    @FieldResolver(() => OrganizationBilling, {
      nullable: true,
      description: 'Plan, subscription and usage (billing:read).',
    })
    async billing(
      @Root() org: Organization,
      @Ctx() ctx: RequestContext,
    ): Promise<OrganizationBilling | null> {
      return getOrganizationBilling(bctx(ctx), org.id);
    }
  }

  @Resolver(() => Subscription)
  class SubscriptionResolver {
    @FieldResolver(() => Plan)
    async plan(@Root() sub: Subscription, @Ctx() ctx: RequestContext): Promise<Plan | null> {
      return planLoader(ctx).load(sub.planCode);
    }
  }

  return [BillingResolver, OrganizationResolver, SubscriptionResolver];
}
