/**
 * The coaching subgraph's event consumers: the `coaching` group keeps the read models of agents,
 * sessions and locations (read-models.ts) and wakes the requests waiting for what it applied (the model
 * summary of a session that ended — contact memory — then runs in the background); the `coaching-quota`
 * group keeps the hint limits billing publishes (quota-view.ts); the `coaching-erase` group erases a contact on
 * `tenants.contact.erase_requested` (contact-erase.ts).
 */
import { openWorkerOrm } from '../../../core/db/worker-orm';
import type { SubscribeConsumers } from '../../../core/server/subgraph-module';
import type { CoachingRuntime } from '../runtime';
import { withTenantScope } from '../../../core/db/request-scope';
import { upgradeSummary } from '../service/memory-summary';
import { notifyingArrivals } from '../service/read-model-arrivals';
import { announcingEnds } from './session-ends';
import { COACHING_CONSUMER, READ_MODEL_EVENTS, readModelConsumer } from './read-models';
import { COACHING_QUOTA_CONSUMER, QUOTA_VIEW_EVENTS, quotaViewConsumer } from './quota-view';
import { COACHING_LEARNING_CONSUMER, LEARNING_EVENTS, learningConsumer } from './learning';
import { COACHING_ERASE_CONSUMER, CONTACT_ERASE_EVENTS, contactEraseConsumer } from './contact-erase';

export { COACHING_CONSUMER } from './read-models';
export { COACHING_QUOTA_CONSUMER } from './quota-view';

/** With a model key, the model's summary replaces the offline one of a session that just ended (contact memory). */
function upgradeWithModel(rt: CoachingRuntime, tenantId: string, sessionId: string): void {
  const summarizer = rt.summarizer;
  if (!summarizer) return;
  rt.runs.launch(async () => {
    try {
      await withTenantScope(rt.orm, tenantId, (em) => upgradeSummary(em, sessionId, summarizer));
    } catch (err) {
      rt.logger.warn({ err, sessionId }, 'model summary failed; the offline summary stays');
    }
  });
}

export const subscribeCoachingConsumers: SubscribeConsumers<CoachingRuntime> = async (deps, rt) => {
  const onInvalid = (event: { id: string; type: string }, err: unknown) =>
    rt.logger.warn({ err, eventId: event.id, type: event.type }, 'malformed event skipped');
  // The read models are applied through a pool of their own: requests waiting for a session or
  // agent the consumer is about to apply must never hold every connection it needs.
  const worker = await openWorkerOrm(deps.orm);
  await deps.events.subscribe(
    COACHING_CONSUMER,
    READ_MODEL_EVENTS,
    // an ended session stops its runs and proactive timers and tells its subscribers (session-ends.ts)
    announcingEnds(
      rt,
      notifyingArrivals(
        rt.arrivals,
        readModelConsumer(worker.orm, onInvalid, (tenantId, sessionId) =>
          upgradeWithModel(rt, tenantId, sessionId),
        ),
      ),
    ),
  );
  await deps.events.subscribe(
    COACHING_QUOTA_CONSUMER,
    QUOTA_VIEW_EVENTS,
    quotaViewConsumer(worker.orm, rt.arrivals, onInvalid),
  );
  // the coaching bandit's outcomes: verdicts and deal outcomes (learning/outcomes.ts)
  await deps.events.subscribe(
    COACHING_LEARNING_CONSUMER,
    LEARNING_EVENTS,
    learningConsumer(worker.orm, onInvalid),
  );
  await deps.events.subscribe(
    COACHING_ERASE_CONSUMER,
    CONTACT_ERASE_EVENTS,
    contactEraseConsumer(worker.orm, rt.cache, rt.logger),
  );
  return () => worker.close();
};
