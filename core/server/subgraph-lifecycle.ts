/**
 * `start()`/`stop()` of a subgraph instance from its background steps (consumers, outbox relay, workers),
 * so every subgraph starts and stops the same way: steps start in order and stop in reverse, then what
 * `create` created is closed. `stop()` is idempotent and valid without `start()`.
 */
import { startOutboxRelay } from '../outbox';
import type { SubgraphDeps, SubgraphInstance } from './subgraph-module';

export type Stop = () => Promise<void>;
/** Starts one piece of background work and says how to stop it. */
export type BackgroundStep = () => Promise<Stop>;

export function lifecycle(
  steps: BackgroundStep[],
  /** Closes what `create` created (after every step stopped). */
  close: Stop = async () => undefined,
): Pick<SubgraphInstance, 'start' | 'stop'> {
  const started: Stop[] = [];
  let stopping: Promise<void> | undefined;
  return {
    async start() {
      if (stopping) throw new Error('subgraph instance already stopped');
      for (const step of steps) started.push(await step());
    },
    stop() {
      stopping ??= (async () => {
        for (const stop of started.splice(0).reverse()) await stop();
        await close();
      })();
      return stopping;
    },
  };
}

/** The transactional outbox's relay: publishes what the subgraph's commits staged. */
export function outboxRelayStep(deps: SubgraphDeps, intervalMs?: number): BackgroundStep {
  return async () => {
    const relay = startOutboxRelay({ orm: deps.orm, bus: deps.events, intervalMs, logger: deps.logger });
    return () => relay.stop();
  };
}
