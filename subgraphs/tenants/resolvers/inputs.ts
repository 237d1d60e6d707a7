/** GraphQL input types; validation happens in the service (typed BAD_USER_INPUT naming the field). */
import { Field, ID, InputType, Int } from 'type-graphql';
import { MemberRole } from '../../../core/vocabulary';
import type * as svc from './service-inputs';

@InputType({ description: 'Omitted fields are kept; null clears a field.' })
export class BrandingInput implements svc.BrandingInput {
  @Field(() => String, { nullable: true, description: 'The name shown to users (at most 200 characters).' })
  brandName?: string | null;

  @Field(() => String, { nullable: true, description: 'Hex color `#rrggbb`.' })
  primaryColor?: string | null;

  @Field(() => String, { nullable: true, description: 'An https URL.' })
  logoUrl?: string | null;
}

@InputType({ description: 'A new child organization.' })
export class CreateOrganizationInput implements svc.CreateOrganizationInput {
  @Field(() => String, { description: 'Name: 1 to 200 characters.' })
  name!: string;

  @Field(() => ID, { nullable: true, description: "Default: the caller's organization." })
  parentId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Market vertical code: RESIDENTIAL, LUXURY, COMMERCIAL, MORTGAGE or PROPERTY_MANAGEMENT, or an alias (REAL_ESTATE = RESIDENTIAL, COMMERCIAL_RE = COMMERCIAL, MORTGAGE_LENDING = MORTGAGE, …), case-insensitive; BAD_USER_INPUT for another code. Default: the parent's vertical.",
  })
  vertical?: string | null;

  @Field(() => BrandingInput, { nullable: true, description: 'Initial branding; default none.' })
  branding?: BrandingInput | null;
}

@InputType({ description: "Changes to an organization's branding." })
export class UpdateOrganizationBrandingInput implements svc.UpdateOrganizationBrandingInput {
  @Field(() => ID, { description: 'The organization (one you administer).' })
  organizationId!: string;

  @Field(() => BrandingInput, {
    description: 'The fields to change; omitted ones are kept, null clears one.',
  })
  branding!: BrandingInput;
}

@InputType({ description: 'A new location.' })
export class CreateLocationInput implements svc.CreateLocationInput {
  @Field(() => ID, { nullable: true, description: "Default: the caller's organization." })
  organizationId?: string | null;

  @Field(() => String, {
    description: 'The GoHighLevel location (sub-account) id; unique within your tenant.',
  })
  ghlLocationId!: string;

  @Field(() => String, { description: 'Name: 1 to 200 characters.' })
  name!: string;

  @Field(() => String, { description: 'IANA time zone, e.g. America/Chicago.' })
  timezone!: string;
}

@InputType({ description: 'Changes to a location; omitted or null fields are kept.' })
export class UpdateLocationInput implements svc.UpdateLocationInput {
  @Field(() => ID, { description: 'The location to change.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'A new GoHighLevel location id.' })
  ghlLocationId?: string | null;

  @Field(() => String, { nullable: true, description: 'A new name (1 to 200 characters).' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'A new IANA time zone.' })
  timezone?: string | null;
}

@InputType({ description: 'A user to add to an organization.' })
export class AddMemberInput implements svc.AddMemberInput {
  @Field(() => ID, { nullable: true, description: "Default: the caller's organization." })
  organizationId?: string | null;

  @Field(() => String, {
    description: 'The identity provider user id (the JWT `sub` of their tokens); unique in the tenant.',
  })
  userId!: string;

  @Field(() => String, { description: 'Email address; trimmed and stored lower-case.' })
  email!: string;

  @Field(() => String, { description: 'Display name: 1 to 200 characters.' })
  name!: string;

  @Field(() => MemberRole, {
    description: 'What the member may do; you may only grant a role whose scopes you hold.',
  })
  role!: MemberRole;

  @Field(() => [ID], {
    nullable: true,
    description:
      "Locations the member works, within the member's organization subtree; a MANAGER or AGENT sees only these. Default none.",
  })
  locationIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The agent profile this member is (for AGENT members).' })
  agentId?: string | null;
}

@InputType({ description: 'Changes to a member; omitted or null fields are kept.' })
export class UpdateMemberInput implements svc.UpdateMemberInput {
  @Field(() => ID, { description: 'The member to change.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'A new email address.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'A new display name (1 to 200 characters).' })
  name?: string | null;

  @Field(() => MemberRole, { nullable: true, description: 'A new role.' })
  role?: MemberRole | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the whole list of locations ([] clears it).' })
  locationIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'An empty string clears it.' })
  agentId?: string | null;
}

@InputType({ description: 'A new partner app.' })
export class CreatePartnerAppInput implements svc.CreatePartnerAppInput {
  @Field(() => String, { description: 'Name: 1 to 200 characters.' })
  name!: string;

  @Field(() => Int, { description: 'Revenue share in basis points (0..10000).' })
  revenueShareBps!: number;
}

@InputType({ description: 'A new API key.' })
export class CreateApiKeyInput implements svc.CreateApiKeyInput {
  @Field(() => String, { description: 'A name to recognize the key by: 1 to 200 characters.' })
  name!: string;

  @Field(() => [String], { description: 'Scopes such as tenants:read, agents:write, coaching:read.' })
  scopes!: string[];

  @Field(() => ID, { nullable: true, description: "Default: the caller's organization." })
  organizationId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The partner app the key belongs to: its usage earns that app's revenue share. Default none.",
  })
  partnerAppId?: string | null;
}
