/**
 * Events between subgraphs: one interface, two implementations (in-process for the embedded default,
 * Redis Streams with consumer groups when REDIS_URL is set). Consumers must be idempotent on `event.id`.
 */
import type { EventEnvelope, EventType } from '../vocabulary';
import type { ConsumerHealth } from './consumer-health';

export type { ConsumerHealth } from './consumer-health';

export type EventHandler = (event: EventEnvelope) => Promise<void>;

/** A group whose handler failed every attempt (core/events/retry-policy.ts): the event is a dead letter. */
export interface GivenUpDelivery {
  group: string;
  attempts: number;
  /** The last attempt's error (describeError). */
  lastError: string;
}

/** An in-process publication: `done` settles when every group's handler has finished with the event. */
export interface InProcessDelivery {
  /** The groups that gave up on the event after their retries (empty when every handler succeeded). */
  done: Promise<GivenUpDelivery[]>;
}

/** A publish refused because the bus no longer takes events (shutdown); the outbox keeps the event. */
export class BusClosedError extends Error {
  readonly code = 'EVENT_BUS_CLOSED';
  constructor() {
    super('the event bus takes no new events (shutting down)');
    this.name = 'BusClosedError';
  }
}

export interface EventBus {
  /** Resolves when the event is accepted: durable in Redis; for an in-process bus, handed to its groups. */
  publish(event: EventEnvelope): Promise<void>;
  /**
   * In-process buses only (absent when `publish` alone is durable): publishes and says when the handlers
   * are done, so the outbox relay marks the event published only then (a crash mid-delivery republishes).
   */
  publishInProcess?(event: EventEnvelope): InProcessDelivery;
  /**
   * In-process buses only: takes no new event (publishes throw BusClosedError, the outbox keeps them) and
   * resolves when the deliveries under way have finished — while every consumer still runs.
   */
  quiesce?(): Promise<void>;
  /**
   * Whether this process's consumers hear events now and have for a while (consumer-health.ts): a read
   * model fed by them answers "retry later", not NOT_FOUND, for a missing row while they do not. An
   * in-process bus is always healthy.
   */
  consumerHealth(): ConsumerHealth;
  /** Subscribe a consumer group: each event of `types` is delivered to one member of `group`. */
  subscribe(group: string, types: EventType[], handler: EventHandler): Promise<void>;
  close(): Promise<void>;
}
