/**
 * One arm of the coaching bandit (learning/): what a tenant's agents of one role, at one conversation stage,
 * made of hints of one category written in one variant — Bernoulli outcomes counted as `successes` and
 * `failures`, so the posterior is Beta(1 + successes, 1 + failures). The bandit picks a variant per
 * (tenant, role, stage) from these counts summed over categories; `coachingEffectiveness` reports them per
 * strategy (category × variant). Counts only ever grow by atomic SQL increments (learning/arms.ts), never by
 * read-modify-write, so concurrent outcomes are all counted on SQLite and PostgreSQL alike.
 */
import { Entity, Property, Unique } from '@mikro-orm/core';
import { TenantEntity } from '../../../core/db/base-entity';

@Entity({ tableName: 'coaching_strategy_arms' })
@Unique({
  name: 'coaching_strategy_arms_arm_unique',
  properties: ['tenantId', 'role', 'stage', 'category', 'variant'],
})
export class StrategyArm extends TenantEntity {
  @Property({ type: 'string', length: 32 })
  role!: string;

  @Property({ type: 'string', length: 32 })
  stage!: string;

  @Property({ type: 'string', length: 32 })
  category!: string;

  @Property({ type: 'string', length: 16 })
  variant!: string;

  @Property({ type: 'integer' })
  successes!: number;

  @Property({ type: 'integer' })
  failures!: number;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
