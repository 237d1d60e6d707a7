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

  @Field(() => MemberRole, { description: 'The role the request runs with.' })
  role!: MemberRole;

  @Field(() => [String], { description: 'The scopes the request holds, e.g. agents:read, coaching:write.' })
  scopes!: ViewerData['scopes'];

  @Field(() => ID, { description: 'The tenant: the id of its root organization.' })
  tenantId!: string;

  @Field(() => ID, { description: 'The organization the credential was issued for.' })
  organizationId!: string;

  @Field(() => [ID], { description: 'Organizations you may see: that organization and its descendants.' })
  organizationIds!: string[];

  @Field(() => [ID], { nullable: true, description: 'null = every location of the tenant.' })
  locationIds!: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The agent profile you are (AGENT members); null otherwise.',
  })
  agentId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The API key used; null for a bearer token.' })
  apiKeyId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The partner app of that API key; null when none.' })
  partnerAppId!: string | null;
}

@ObjectType({ description: 'A new API key. `secret` is shown this once and never again.' })
export class CreatedApiKey {
  @Field(() => ApiKey, { description: 'The stored key.' })
  apiKey!: ApiKey;

  @Field(() => String, {
    description: 'The full key to send as X-Api-Key; store it now, it cannot be read again.',
  })
  secret!: string;
}

@ObjectType({ description: 'A member access token issued by issueAccessToken.' })
export class AccessToken {
  @Field(() => String, { description: 'A signed JWT (Bearer).' })
  token!: string;

  @Field(() => DateTimeResolver, { description: 'When the token stops working.' })
  expiresAt!: Date;
}

@ObjectType({ description: 'The result of recomputing the tenant audit hash chain.' })
export class AuditVerification {
  @Field(() => Boolean, {
    description: 'True when every entry links to the one before and matches its hash.',
  })
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
