export {
  addMonthsUtc,
  currentPeriod,
  quotaExceeded,
  statusOf,
  type QuotaPeriod,
  type QuotaStatus,
} from './quota';
export {
  COUNT_GRACE_MS,
  type CounterKey,
  type QuotaCounter,
  type RebuildCount,
  type Take,
} from './quota-counter';
export { MemoryQuotaCounter, type MemoryQuotaCounterOptions } from './memory-quota-counter';
export { RedisQuotaCounter, type RedisQuotaCounterOptions } from './redis-quota-counter';
export { createQuotaCounter, type CreateQuotaCounterOptions } from './create-quota-counter';
