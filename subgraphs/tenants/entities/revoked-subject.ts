/**
 * A subject (a member's user id) whose access tokens were revoked: its member was removed at `revokedAt`.
 * Access tokens are verified by the gateway without a round trip, so this is the deny state it asks for
 * (cached briefly, and updated at once by `tenants.member.removed`); it lives here, so it outlasts any
 * gateway restart. A token issued after `revokedAt` (the user added again) is not affected.
 */
import { Entity, Property, Unique } from '@mikro-orm/core';
import { TenantEntity } from '../../../core/db/base-entity';

@Entity({ tableName: 'revoked_subjects' })
@Unique({ properties: ['tenantId', 'subject'] })
export class RevokedSubject extends TenantEntity {
  /** The JWT `sub`: the member's `userId`. */
  @Property({ type: 'string', length: 200 })
  subject!: string;

  @Property({ type: 'datetime' })
  revokedAt!: Date;
}
