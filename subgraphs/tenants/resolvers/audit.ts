import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import type { TenantsContext } from '../runtime';
import * as audit from '../service/audit-log';
import { AuditEntryConnection, AuditVerification } from './types';

@ArgsType()
class AuditLogArgs {
  @Field(() => Int, { defaultValue: 20, description: 'At most 100.' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

@Resolver()
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description: 'The tenant audit log, newest first (root OWNER/ADMIN).',
  })
  auditLog(
    @Args(() => AuditLogArgs) args: AuditLogArgs,
    @Ctx() ctx: TenantsContext,
  ): Promise<AuditEntryConnection> {
    return audit.auditLog(ctx, args);
  }

  @Query(() => AuditVerification, { description: 'Recomputes the audit hash chain.' })
  verifyAuditChain(@Ctx() ctx: TenantsContext): Promise<AuditVerification> {
    return audit.verifyAuditChain(ctx);
  }
}
