/**
 * The analytics share of `ContactDataExport` (the tenants subgraph's `exportContactData` makes it): the
 * contact's GoHighLevel opportunities as analytics recorded them for outcome attribution. Analytics keeps
 * only ids, statuses and times about a contact (nothing to erase: no names, no texts).
 */
import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import {
  CONTACT_DATA_EXPORT_DESCRIPTION,
  CONTACT_ID_DESCRIPTION,
  requireContactDataAdmin,
} from '../../../core/contact-data';
import { OpportunityFact } from '../entities/facts';
import type { AnalyticsContext } from '../runtime';

@ObjectType('ContactDataExport', { description: CONTACT_DATA_EXPORT_DESCRIPTION })
@Directive('@key(fields: "contactId")')
export class ContactDataExportRef {
  @Field(() => ID, { description: CONTACT_ID_DESCRIPTION })
  contactId!: string;
}

@ObjectType({ description: 'A GoHighLevel opportunity of the contact, as analytics attributes outcomes.' })
export class ContactOpportunity {
  @Field(() => ID, { description: 'The GoHighLevel opportunity id.' })
  opportunityId!: string;

  @Field(() => String, { description: 'Its latest status (open, won, lost, abandoned).' })
  status!: string;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was won; null otherwise.' })
  wonAt!: Date | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The agent the win is attributed to (coached within the window); null when none.',
  })
  attributedAgentId!: string | null;
}

@Resolver(() => ContactDataExportRef)
export class ContactDataExportOutcomesResolver {
  @FieldResolver(() => [ContactOpportunity], {
    description:
      "The contact's opportunities as analytics recorded them. Needs scope tenants:admin and the OWNER or ADMIN role of the root organization.",
  })
  async opportunities(
    @Root() root: ContactDataExportRef,
    @Ctx() ctx: AnalyticsContext,
  ): Promise<ContactOpportunity[]> {
    requireContactDataAdmin(ctx.principal);
    const rows = await ctx.em.find(
      OpportunityFact,
      { contactId: root.contactId },
      { orderBy: { id: 'asc' } },
    );
    return rows.map((r) => ({
      opportunityId: r.id,
      status: r.status,
      wonAt: r.wonAt,
      attributedAgentId: r.attributedAgentId,
    }));
  }
}
