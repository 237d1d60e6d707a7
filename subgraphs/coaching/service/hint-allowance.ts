/**
 * Lets a run's engine events through to its hint stream only for the hints its quota grant covers. The
 * grant starts with the run's first hint; the first event of each further hint index takes one more hint
 * from the tenant's count (service/quota.ts) before anything of that hint is published. Once a take is
 * refused, that index and every later one are dropped — the client never sees a hint over the quota.
 * Events keep their order (each waits for the ones before it).
 */
import type { Logger } from '../../../core/logger';
import type { EngineEvent } from '../engine/types';
import type { CoachingRuntime } from '../runtime';
import { takeMoreHints, type QuotaGrant } from './quota';

export class HintAllowance {
  private chain: Promise<void> = Promise.resolve();
  /** A take was refused (or failed): no further index is let through. */
  private full = false;

  constructor(
    private readonly rt: CoachingRuntime,
    private readonly grant: QuotaGrant,
    private readonly forward: (e: EngineEvent) => void,
    private readonly logger: Logger,
  ) {}

  /** The engine's `onEvent`. */
  readonly onEvent = (e: EngineEvent): void => {
    this.chain = this.chain.then(() => this.handle(e));
  };

  /**
   * Resolves once every event received so far was forwarded or dropped, and the grant covers `hints`
   * (the engine's final count: an engine may complete hints it sent no events for) as far as the quota allows.
   */
  async settle(hints: number): Promise<number> {
    this.chain = this.chain.then(() => this.cover(hints - 1));
    await this.chain;
    return Math.min(hints, this.grant.granted);
  }

  private async handle(e: EngineEvent): Promise<void> {
    await this.cover(e.index);
    if (e.index < this.grant.granted) this.forward(e);
  }

  /** Takes what the grant lacks to cover hint `index` (unless the quota already said no). */
  private async cover(index: number): Promise<void> {
    if (index < this.grant.granted || this.full) return;
    const want = index + 1 - this.grant.granted;
    try {
      if ((await takeMoreHints(this.rt, this.grant, want)) < want) this.full = true;
    } catch (err) {
      this.full = true;
      this.logger.warn({ err, tenantId: this.grant.tenantId }, 'quota take failed: no further hints');
    }
  }
}
