/** GraphQL output types that are not entities. */
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../../core/pagination/types';
import { MemberRole } from '../../../core/vocabulary';
import { ApiKey, AuditEntry } from '../entities';
import type { ViewerData } from '../service/viewer';

@ObjectType({ description: 'The caller: the principal this request runs as.' })
export class Viewer implements ViewerData {
  @Field(() => String, { description: 'User id (JWT sub) or `apikey:<id>`.' })
  subject!: string;

  @Field(() => MemberRole)
  role!: MemberRole;

  @Field(() => [String])
  scopes!: ViewerData['scopes'];

  @Field(() => ID)
  tenantId!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => [ID])
  organizationIds!: string[];

  @Field(() => [ID], { nullable: true, description: 'null = every location of the tenant.' })
  locationIds!: string[] | null;

  @Field(() => ID, { nullable: true })
  agentId!: string | null;

  @Field(() => ID, { nullable: true })
  apiKeyId!: string | null;

  @Field(() => ID, { nullable: true })
  partnerAppId!: string | null;
}

@ObjectType({ description: 'A new API key. `secret` is shown this once and never again.' })
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey!: ApiKey;

  @Field(() => String)
  secret!: string;
}

@ObjectType()
export class AccessToken {
  @Field(() => String, { description: 'A signed JWT (Bearer).' })
  token!: string;

  @Field(() => DateTimeResolver)
  expiresAt!: Date;
}

@ObjectType({ description: 'The result of recomputing the tenant audit hash chain.' })
export class AuditVerification {
  @Field(() => Boolean)
  valid!: boolean;

  @Field(() => Int, { description: 'Entries examined.' })
  checked!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'The first seq where the chain breaks (edited, inserted or missing).',
  })
  brokenAtSeq!: number | null;
}

/** Edges and the shared `PageInfo` come from core's one connection shape (core/pagination/types.ts). */
@ObjectType({ description: 'Audit entries, newest first.' })
export class AuditEntryConnection extends connectionTypes(AuditEntry, 'AuditEntry').Connection {}
