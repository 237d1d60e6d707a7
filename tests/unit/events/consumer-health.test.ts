/**
 * When event consumers count as unhealthy (core/events/consumer-health.ts): what decides whether coaching
 * answers NOT_FOUND or "retry later" (READ_MODEL_BEHIND) for a session its read model does not hold.
 */
import { ConsumerHealthTracker, type WatchedConsumer } from '../../../core/events/consumer-health';
import { MemoryEventBus } from '../../../core/events/memory-event-bus';

function consumer(status = 'ready'): WatchedConsumer & { set(s: string): void } {
  let current = status;
  return { status: () => current, readingSince: null, set: (s) => (current = s) };
}

const T0 = 1_000_000;

describe('ConsumerHealthTracker', () => {
  test('healthy while every consumer is connected and its reads answer', () => {
    const tracker = new ConsumerHealthTracker({ recoveryMs: 30_000, stallMs: 3_000 });
    const c = consumer();
    tracker.reading(c, T0);
    tracker.read(c, T0 + 1_000);
    expect(tracker.health([c], T0 + 1_000)).toEqual({ healthy: true, retryAfterSeconds: 0 });
  });

  test('a consumer whose connection is not ready is unhealthy now, with a short retry hint', () => {
    const tracker = new ConsumerHealthTracker();
    const c = consumer('reconnecting');
    expect(tracker.health([c], T0)).toEqual({ healthy: false, retryAfterSeconds: 5 });
  });

  test('a read under way longer than stallMs (Redis hangs) is unhealthy; its end starts the recovery window', () => {
    const tracker = new ConsumerHealthTracker({ recoveryMs: 30_000, stallMs: 3_000 });
    const c = consumer();
    tracker.reading(c, T0);
    expect(tracker.health([c], T0 + 2_999).healthy).toBe(true);
    expect(tracker.health([c], T0 + 3_001)).toEqual({ healthy: false, retryAfterSeconds: 5 });
    tracker.read(c, T0 + 60_000); // the read answers a minute later
    expect(tracker.health([c], T0 + 60_000)).toEqual({ healthy: false, retryAfterSeconds: 30 });
    expect(tracker.health([c], T0 + 89_500)).toEqual({ healthy: false, retryAfterSeconds: 1 });
    expect(tracker.health([c], T0 + 90_000).healthy).toBe(true);
  });

  test('a failure (connection lost or back, a failed read) keeps it unhealthy for recoveryMs after', () => {
    const tracker = new ConsumerHealthTracker({ recoveryMs: 30_000 });
    const c = consumer();
    tracker.failed(T0);
    expect(tracker.health([c], T0 + 10_000)).toEqual({ healthy: false, retryAfterSeconds: 20 });
    expect(tracker.health([c], T0 + 30_000)).toEqual({ healthy: true, retryAfterSeconds: 0 });
  });
});

test('the in-process bus is always healthy', async () => {
  const bus = new MemoryEventBus();
  expect(bus.consumerHealth()).toEqual({ healthy: true, retryAfterSeconds: 0 });
  await bus.close();
});
