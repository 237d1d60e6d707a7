/**
 * Coaching's fields of `ContactDataExport` (made by the tenants subgraph's `exportContactData`; each
 * subgraph adds its own fields to the entity, keyed by the contact id).
 */
import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import { CONTACT_DATA_EXPORT_DESCRIPTION, CONTACT_ID_DESCRIPTION } from '../../../core/contact-data';
import { CoachingHint, ConversationTurn, Qualification } from '../entities';
import { withService, type CoachingContext } from '../service/context';
import * as exp from '../service/contact-export';

const ACCESS = 'Needs scope tenants:admin and the OWNER or ADMIN role of the root organization.';

@ObjectType('ContactDataExport', { description: CONTACT_DATA_EXPORT_DESCRIPTION })
@Directive('@key(fields: "contactId")')
export class ContactDataExportRef {
  @Field(() => ID, { description: CONTACT_ID_DESCRIPTION })
  contactId!: string;
}

@ObjectType({ description: 'The rows one coaching table holds about the contact.' })
export class ContactStoreRecords {
  @Field({ description: 'The table, e.g. contact_memories or ghl_webhook_deliveries.' })
  table!: string;

  @Field(() => [JSONObjectResolver], { description: 'Its rows about the contact, every column.' })
  rows!: Record<string, unknown>[];
}

@Resolver(() => ContactDataExportRef)
export class ContactDataExportCoachingResolver {
  @FieldResolver(() => [ConversationTurn], {
    description: `Every conversation turn of the contact's sessions, oldest first. ${ACCESS}`,
  })
  turns(@Root() root: ContactDataExportRef, @Ctx() ctx: CoachingContext): Promise<ConversationTurn[]> {
    return withService(ctx, (svc) => exp.contactTurns(svc, root.contactId));
  }

  @FieldResolver(() => [CoachingHint], {
    description: `Every coaching hint made in the contact's sessions, oldest first. ${ACCESS}`,
  })
  hints(@Root() root: ContactDataExportRef, @Ctx() ctx: CoachingContext): Promise<CoachingHint[]> {
    return withService(ctx, (svc) => exp.contactHints(svc, root.contactId));
  }

  @FieldResolver(() => [Qualification], {
    description: `The lead's qualification in each of the contact's sessions. ${ACCESS}`,
  })
  qualifications(@Root() root: ContactDataExportRef, @Ctx() ctx: CoachingContext): Promise<Qualification[]> {
    return withService(ctx, (svc) => exp.contactQualifications(svc, root.contactId));
  }

  @FieldResolver(() => [ContactStoreRecords], {
    description: `Everything else coaching holds about the contact, by table: memory, facts, session summaries, GoHighLevel webhook deliveries (raw bodies). ${ACCESS}`,
  })
  coachingRecords(
    @Root() root: ContactDataExportRef,
    @Ctx() ctx: CoachingContext,
  ): Promise<ContactStoreRecords[]> {
    return withService(ctx, (svc) => exp.contactRecords(svc, root.contactId));
  }
}
