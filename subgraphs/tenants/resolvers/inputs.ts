/** GraphQL input types; validation happens in the service (typed BAD_USER_INPUT naming the field). */
import { Field, ID, InputType, Int } from 'type-graphql';
import { MemberRole } from '../../../core/vocabulary';
import type * as svc from './service-inputs';

@InputType({ description: 'Omitted fields are kept; null clears a field.' })
export class BrandingInput implements svc.BrandingInput {
  @Field(() => String, { nullable: true })
  brandName?: string | null;

  @Field(() => String, { nullable: true, description: 'Hex color `#rrggbb`.' })
  primaryColor?: string | null;

  @Field(() => String, { nullable: true, description: 'An https URL.' })
  logoUrl?: string | null;
}

@InputType()
export class CreateOrganizationInput implements svc.CreateOrganizationInput {
  @Field(() => String)
  name!: string;

  @Field(() => ID, { nullable: true, description: "Default: the caller's organization." })
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: "Default: the parent's vertical." })
  vertical?: string | null;

  @Field(() => BrandingInput, { nullable: true })
  branding?: BrandingInput | null;
}

@InputType()
export class UpdateOrganizationBrandingInput implements svc.UpdateOrganizationBrandingInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => BrandingInput)
  branding!: BrandingInput;
}

@InputType()
export class CreateLocationInput implements svc.CreateLocationInput {
  @Field(() => ID, { nullable: true, description: "Default: the caller's organization." })
  organizationId?: string | null;

  @Field(() => String)
  ghlLocationId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'IANA time zone, e.g. America/Chicago.' })
  timezone!: string;
}

@InputType()
export class UpdateLocationInput implements svc.UpdateLocationInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  ghlLocationId?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  timezone?: string | null;
}

@InputType()
export class AddMemberInput implements svc.AddMemberInput {
  @Field(() => ID, { nullable: true, description: "Default: the caller's organization." })
  organizationId?: string | null;

  @Field(() => String)
  userId!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => MemberRole)
  role!: MemberRole;

  @Field(() => [ID], { nullable: true })
  locationIds?: string[] | null;

  @Field(() => ID, { nullable: true })
  agentId?: string | null;
}

@InputType()
export class UpdateMemberInput implements svc.UpdateMemberInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => MemberRole, { nullable: true })
  role?: MemberRole | null;

  @Field(() => [ID], { nullable: true })
  locationIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'An empty string clears it.' })
  agentId?: string | null;
}

@InputType()
export class CreatePartnerAppInput implements svc.CreatePartnerAppInput {
  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: 'Revenue share in basis points (0..10000).' })
  revenueShareBps!: number;
}

@InputType()
export class CreateApiKeyInput implements svc.CreateApiKeyInput {
  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: 'Scopes such as tenants:read, agents:write, coaching:read.' })
  scopes!: string[];

  @Field(() => ID, { nullable: true, description: "Default: the caller's organization." })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true })
  partnerAppId?: string | null;
}
