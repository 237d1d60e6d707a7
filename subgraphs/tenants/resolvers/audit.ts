import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import type { TenantsContext } from '../runtime';
import * as audit from '../service/audit-log';
import { AuditEntryConnection, AuditVerification } from './types';

@ArgsType()
class AuditLogArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size: 1 to 100, default 20.' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

@Resolver()
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description:
      'The tenant audit log (every administrative change: organizations, locations, members, keys, tokens), newest first, one page at a time. Needs scope tenants:admin and the OWNER or ADMIN role of the root organization (FORBIDDEN otherwise).',
  })
  auditLog(
    @Args(() => AuditLogArgs) args: AuditLogArgs,
    @Ctx() ctx: TenantsContext,
  ): Promise<AuditEntryConnection> {
    return audit.auditLog(ctx, args);
  }

  @Query(() => AuditVerification, {
    description:
      'Recomputes the hash chain of the whole tenant audit log and reports whether any entry was edited, inserted or removed. Needs scope tenants:admin and the OWNER or ADMIN role of the root organization.',
  })
  verifyAuditChain(@Ctx() ctx: TenantsContext): Promise<AuditVerification> {
    return audit.verifyAuditChain(ctx);
  }
}
