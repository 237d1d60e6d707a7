export { OutboxEvent } from './outbox-event';
export { ProcessedEvent } from './processed-event';
export { enqueue } from './enqueue';
export { startOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from './relay';
export { sqlEm } from './sql-em';
export { consumeOnce, inTransaction, markProcessed, type ConsumeOnceOptions } from './consume-once';

import { OutboxEvent } from './outbox-event';
import { ProcessedEvent } from './processed-event';
/** Entities a subgraph adds to its own when it produces (outbox) and consumes (processed events). */
export const outboxEntities = [OutboxEvent, ProcessedEvent];
