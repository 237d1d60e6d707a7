/**
 * Events between subgraphs: one interface, two implementations (in-process for the embedded default,
 * Redis Streams with consumer groups when REDIS_URL is set). Consumers must be idempotent on `event.id`.
 */
import type { EventEnvelope, EventType } from '../vocabulary';

export type EventHandler = (event: EventEnvelope) => Promise<void>;

export interface EventBus {
  publish(event: EventEnvelope): Promise<void>;
  /** Subscribe a consumer group: each event of `types` is delivered to one member of `group`. */
  subscribe(group: string, types: EventType[], handler: EventHandler): Promise<void>;
  close(): Promise<void>;
}
