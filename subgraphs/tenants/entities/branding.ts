/** Organization branding: stored as one JSON column, exposed as a GraphQL object. */
import { Field, ObjectType } from 'type-graphql';

export interface BrandingData {
  brandName: string | null;
  primaryColor: string | null;
  logoUrl: string | null;
}

export const EMPTY_BRANDING: BrandingData = { brandName: null, primaryColor: null, logoUrl: null };

@ObjectType({ description: 'How the organization presents itself in widgets and the portal.' })
export class Branding implements BrandingData {
  @Field(() => String, { nullable: true, description: 'The name shown to users; null when not set.' })
  brandName!: string | null;

  @Field(() => String, { nullable: true, description: 'Hex color `#rrggbb`.' })
  primaryColor!: string | null;

  @Field(() => String, { nullable: true, description: 'https URL of the logo.' })
  logoUrl!: string | null;
}
