/** The agents share of `ContactDataExport` (the tenants subgraph's `exportContactData` makes it): sessions. */
import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { CONTACT_DATA_EXPORT_DESCRIPTION, CONTACT_ID_DESCRIPTION } from '../../../core/contact-data';
import { AgentSession } from '../entities/agent-session';
import type { AgentsContext } from '../runtime';
import { contactSessions } from '../service/contact-data';

@ObjectType('ContactDataExport', { description: CONTACT_DATA_EXPORT_DESCRIPTION })
@Directive('@key(fields: "contactId")')
export class ContactDataExportRef {
  @Field(() => ID, { description: CONTACT_ID_DESCRIPTION })
  contactId!: string;
}

@Resolver(() => ContactDataExportRef)
export class ContactDataExportSessionsResolver {
  @FieldResolver(() => [AgentSession], {
    description:
      "The contact's coaching sessions, oldest first, with their context (after an erasure: empty). Needs scope tenants:admin and the OWNER or ADMIN role of the root organization.",
  })
  sessions(@Root() root: ContactDataExportRef, @Ctx() ctx: AgentsContext): Promise<AgentSession[]> {
    return contactSessions(ctx, root.contactId);
  }
}
