/**
 * GDPR entry points (service/contact-data.ts says why they are shaped so). `ContactDataExport` is a
 * federation entity keyed by the contact id: tenants owns the root field and `exportedAt`/`erasures`; the
 * other subgraphs add their fields to the same type.
 */
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { CONTACT_DATA_EXPORT_DESCRIPTION, CONTACT_ID_DESCRIPTION } from '../../../core/contact-data';
import { ContactErasure, ContactErasurePart } from '../entities';
import type { TenantsContext } from '../runtime';
import * as gdpr from '../service/contact-data';

const ACCESS =
  'Needs scope tenants:admin and the OWNER or ADMIN role of the root organization (FORBIDDEN otherwise).';

@ObjectType({ description: CONTACT_DATA_EXPORT_DESCRIPTION })
@Directive('@key(fields: "contactId")')
export class ContactDataExport {
  @Field(() => ID, { description: CONTACT_ID_DESCRIPTION })
  contactId!: string;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the export was made.' })
  exportedAt?: Date | null;
}

@ArgsType()
class ContactErasureArgs {
  @Field(() => ID, { description: 'The erasure (eraseContact answered it).' })
  id!: string;

  @Field(() => Int, {
    defaultValue: 0,
    description: `Wait up to this many seconds (0 to ${gdpr.MAX_ERASURE_WAIT_SECONDS}) for every subgraph to finish before answering; 0 answers at once.`,
  })
  waitSeconds!: number;
}

@Resolver(() => ContactDataExport)
export class ContactDataExportResolver {
  @Mutation(() => ContactDataExport, {
    description: `Exports everything about a contact (GDPR access request): conversation turns, hints, qualification, memory, GoHighLevel deliveries, sessions, outcomes and erasures. Audit-logged (contact.export). ${ACCESS}`,
  })
  exportContactData(
    @Arg('contactId', () => ID, { description: 'The contact (GoHighLevel contact id).' }) contactId: string,
    @Ctx() ctx: TenantsContext,
  ): Promise<ContactDataExport> {
    return gdpr.exportContactData(ctx, contactId);
  }

  @FieldResolver(() => [ContactErasure], {
    description: 'Erasures requested for this contact, newest first.',
  })
  erasures(@Root() root: ContactDataExport, @Ctx() ctx: TenantsContext): Promise<ContactErasure[]> {
    return gdpr.contactErasures(ctx, root.contactId);
  }
}

@Resolver(() => ContactErasure)
export class ContactErasureResolver {
  @Mutation(() => ContactErasure, {
    description: `Erases a contact (GDPR): every subgraph removes or anonymizes the contact's conversation turns, hint texts, qualification, memory, GoHighLevel message bodies, session context and cached answers; billing aggregates (usage, costs) are kept. Answers once the erasure is durably requested; contactErasure shows when each subgraph has finished. Audit-logged. ${ACCESS}`,
  })
  eraseContact(
    @Arg('contactId', () => ID, { description: 'The contact (GoHighLevel contact id).' }) contactId: string,
    @Ctx() ctx: TenantsContext,
  ): Promise<ContactErasure> {
    return gdpr.eraseContact(ctx, contactId);
  }

  @Query(() => ContactErasure, {
    description: `A contact erasure and each subgraph's progress; NOT_FOUND for an unknown id. ${ACCESS}`,
  })
  contactErasure(
    @Args(() => ContactErasureArgs) args: ContactErasureArgs,
    @Ctx() ctx: TenantsContext,
  ): Promise<ContactErasure> {
    return gdpr.contactErasure(ctx, args.id, args.waitSeconds);
  }

  @FieldResolver(() => [ContactErasurePart], {
    description: 'One part per subgraph that erases contact data.',
  })
  parts(@Root() erasure: ContactErasure, @Ctx() ctx: TenantsContext): Promise<ContactErasurePart[]> {
    return gdpr.erasureParts(ctx, erasure.id);
  }

  @FieldResolver(() => DateTimeResolver, {
    nullable: true,
    description: 'When the last subgraph finished erasing; null while any part is pending.',
  })
  async completedAt(@Root() erasure: ContactErasure, @Ctx() ctx: TenantsContext): Promise<Date | null> {
    return gdpr.completedAt(await gdpr.erasureParts(ctx, erasure.id));
  }
}
