/**
 * An organization: the tenant is the ROOT organization (tenantId = its own id); child organizations
 * (brokerages, teams) hang below it through parentId.
 */
import { Entity, Index, Property } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Branding, type BrandingData } from './branding';
import { TenantNode } from '../../../core/db/base-entity';
import { canonicalVertical, Vertical } from '../../../core/vocabulary';

export const DEFAULT_VERTICAL = 'REAL_ESTATE';

@ObjectType({ description: 'An organization of a tenant; the tenant itself is the root organization.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'organizations' })
@Index({ properties: ['tenantId', 'parentId'] })
export class Organization extends TenantNode {
  @Field(() => ID, { nullable: true, description: 'Null for the root organization (the tenant).' })
  @Property({ type: 'string', length: 36, nullable: true })
  parentId: string | null = null;

  @Field(() => String, { description: 'Display name.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, {
    description:
      'Market vertical code as given (e.g. REAL_ESTATE, LUXURY); `marketVertical` says which vertical it means.',
  })
  @Property({ type: 'string', length: 40, default: DEFAULT_VERTICAL })
  vertical: string = DEFAULT_VERTICAL;

  @Field(() => Vertical, {
    description:
      'The vertical coaching applies to sessions of this organization (its qualification slots, hints and compliance rules): `vertical` with aliases resolved (REAL_ESTATE → RESIDENTIAL).',
  })
  marketVertical(): Vertical {
    return canonicalVertical(this.vertical) ?? Vertical.RESIDENTIAL;
  }

  @Field(() => Branding, { description: 'How the organization presents itself in widgets and the portal.' })
  @Property({ type: 'json' })
  branding!: BrandingData;

  /**
   * When the branding was last set: by the tenant (createOrganization with branding, updateOrganizationBranding:
   * that moment) or from a GoHighLevel install (the install's time, consumers/ghl-brand.ts); null = never.
   * An install older than this never overwrites the branding. Not part of the API.
   */
  @Property({ type: 'datetime', nullable: true })
  brandingUpdatedAt: Date | null = null;

  @Field(() => DateTimeResolver, { description: 'When the organization was created.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
