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
  @Query(() => [Plan], {
    description:
      'The plan catalogue in order: STARTER, PRO, ENTERPRISE. Open to every authenticated caller (no scope needed).',
  })
  async plans(@Ctx() ctx: BillingContext): Promise<Plan[]> {
    return ctx.em.find(Plan, {}, { orderBy: { sortOrder: 'asc' } });
  }

  @Query(() => [Invoice], {
    description:
      'Issued invoices of the organizations you may see, newest period first (all of them, unpaginated). Needs scope billing:read (OWNER, ADMIN); an organization you cannot see is FORBIDDEN.',
  })
  async invoices(
    @Ctx() ctx: BillingContext,
    @Arg('organizationId', () => ID, {
      nullable: true,
      description: "Only this organization's invoices; omit for every organization you may see.",
    })
    organizationId?: string,
  ): Promise<Invoice[]> {
    return listInvoices(ctx, organizationId ?? undefined);
  }

  @Query(() => Invoice, {
    description:
      'One invoice by id. Needs scope billing:read (OWNER, ADMIN); an invoice of an organization you cannot see, or none, is NOT_FOUND.',
  })
  async invoice(
    @Ctx() ctx: BillingContext,
    @Arg('id', () => ID, { description: 'The invoice id.' }) id: string,
  ): Promise<Invoice> {
    return getInvoice(ctx, id);
  }

  @Mutation(() => Invoice, {
    description:
      "Closes the subscription's open billing period, issues its invoice (base fee, extra seats, hint overage, prorations, partner revenue shares) and opens the next period, whose hint quota starts at zero. Idempotent: closing a period that already has an invoice returns that invoice. Needs scope billing:write (OWNER) on a visible organization (FORBIDDEN otherwise); NOT_FOUND when the organization has no subscription; BAD_USER_INPUT when periodEnd is not the open period's end.",
  })
  async closePeriod(
    @Ctx() ctx: BillingContext,
    @Arg('input', () => ClosePeriodInput, { description: 'The organization and the period end.' })
    input: ClosePeriodInput,
  ): Promise<Invoice> {
    return closePeriod(ctx, input);
  }

  @Mutation(() => PlanChange, {
    description:
      "Moves the subscription to another plan at once; the new plan's hint limit applies immediately. Outside a trial, the unused days of the old fee are credited and the remaining days of the new fee charged, both on the next invoice (see proration); during a trial nothing is prorated. Needs scope billing:write (OWNER) on a visible organization (FORBIDDEN otherwise); NOT_FOUND for an unknown plan code or an organization without a subscription; BAD_USER_INPUT when already on that plan or the subscription is canceled.",
  })
  async changePlan(
    @Ctx() ctx: BillingContext,
    @Arg('input', () => ChangePlanInput, { description: 'The organization and the new plan.' })
    input: ChangePlanInput,
  ): Promise<PlanChange> {
    return changePlan(ctx, input);
  }
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => OrganizationBilling, {
    nullable: true,
    description:
      "The organization's plan, subscription and current usage; null when the organization holds no subscription (a tenant has one, normally on its root organization). Needs scope billing:read (OWNER, ADMIN); FORBIDDEN for an organization you cannot see.",
  })
  async billing(@Root() org: Organization, @Ctx() ctx: BillingContext): Promise<OrganizationBilling | null> {
    return getOrganizationBilling(ctx, org.id);
  }
}

@Resolver(() => Subscription)
export class SubscriptionResolver {
  @FieldResolver(() => Plan, { description: 'The plan the subscription is on now.' })
  async plan(@Root() sub: Subscription, @Ctx() ctx: BillingContext): Promise<Plan | null> {
    return planLoader(ctx).load(sub.planCode);
  }
}
