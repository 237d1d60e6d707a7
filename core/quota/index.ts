export {
  assertQuota,
  statusOf,
  currentPeriod,
  addMonthsUtc,
  type QuotaGate,
  type QuotaLimit,
  type QuotaSource,
  type QuotaStatus,
} from './quota-gate';
export { MemoryQuotaGate, MemoryQuotaStore, type MemoryQuotaGateOptions } from './memory-quota-gate';
export { RedisQuotaGate, type RedisQuotaGateOptions } from './redis-quota-gate';
export { createQuotaGate, type CreateQuotaGateOptions } from './create-quota-gate';
