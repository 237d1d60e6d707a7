export { OutboxEvent } from './outbox-event';
export { ProcessedEvent } from './processed-event';
export { DeadLetter } from './dead-letter';
export {
  recordDeadLetters,
  redeliverDeadLetters,
  pendingDeadLetters,
  type RedeliverOptions,
} from './dead-letters';
export { enqueue } from './enqueue';
export { startOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from './relay';
export { sqlEm } from './sql-em';
export { consumeOnce, inTransaction, markProcessed, type ConsumeOnceOptions } from './consume-once';

import { OutboxEvent } from './outbox-event';
import { ProcessedEvent } from './processed-event';
import { DeadLetter } from './dead-letter';
/** Entities a subgraph adds to its own when it produces (outbox, dead letters) and consumes (processed events). */
export const outboxEntities = [OutboxEvent, ProcessedEvent, DeadLetter];
