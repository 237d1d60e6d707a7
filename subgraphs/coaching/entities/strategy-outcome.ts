/**
 * One observed outcome of one hint, for the bandit (learning/): the agent's verdict (ACCEPTANCE), the lead's
 * next reply (REPLY) or the deal moving (PROGRESS). At most one per (hint, signal) — the id is
 * `<hintId>:<signal>`, inserted with ON CONFLICT DO NOTHING — so a redelivered event, a re-rating or a second
 * stage change never counts twice; the arm is incremented only when this row was inserted, in the same
 * transaction. `eventId` names what brought it (the event id, or the turn id for replies and stage changes).
 * The hint's strategy, context and visibility are copied here so the effectiveness figures group and filter
 * without a join.
 */
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantOwned } from '../../../core/db/tenant-filter';

export enum OutcomeSignal {
  ACCEPTANCE = 'ACCEPTANCE',
  REPLY = 'REPLY',
  PROGRESS = 'PROGRESS',
}

/** What an outcome did to the arm: a success, a failure, or nothing (a neutral reply is counted, not scored). */
export enum OutcomeValue {
  SUCCESS = 'SUCCESS',
  FAILURE = 'FAILURE',
  NEUTRAL = 'NEUTRAL',
}

@Entity({ tableName: 'coaching_strategy_outcomes' })
@TenantOwned()
@Index({
  name: 'coaching_strategy_outcomes_strategy_index',
  properties: ['tenantId', 'signal', 'category', 'variant'],
})
export class StrategyOutcome {
  /** `<hintId>:<signal>`. */
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'string', length: 36 })
  tenantId!: string;

  @Property({ type: 'string', length: 36 })
  hintId!: string;

  @Property({ type: 'string', length: 16 })
  signal!: OutcomeSignal;

  @Property({ type: 'string', length: 8 })
  value!: OutcomeValue;

  @Property({ type: 'string', length: 100 })
  eventId!: string;

  @Property({ type: 'string', length: 32 })
  role!: string;

  @Property({ type: 'string', length: 32 })
  stage!: string;

  @Property({ type: 'string', length: 32 })
  category!: string;

  @Property({ type: 'string', length: 16 })
  variant!: string;

  @Property({ type: 'string', length: 36 })
  agentId!: string;

  @Property({ type: 'string', length: 36, nullable: true })
  locationId!: string | null;

  @Property({ type: 'datetime' })
  at!: Date;
}
