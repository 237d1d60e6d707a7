/**
 * A subject (a member's user id) whose access tokens were revoked: its member was removed at `revokedAt`.
 * Access tokens are verified by the gateway without a round trip, so this is the deny state it asks for
 * (cached briefly, and updated at once by `tenants.member.removed`); it lives here, so it outlasts any
 * gateway restart. A token issued after `revokedAt` (the user added again) is not affected.
 */
import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { TenantOwned } from '../../../core/db/tenant-filter';

@Entity({ tableName: 'revoked_subjects' })
@Unique({ properties: ['tenantId', 'subject'] })
@TenantOwned()
export class RevokedSubject {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @Property({ type: 'string', length: 36 })
  tenantId!: string;

  /** The JWT `sub`: the member's `userId`. */
  @Property({ type: 'string', length: 200 })
  subject!: string;

  @Property({ type: 'datetime' })
  revokedAt!: Date;
}
