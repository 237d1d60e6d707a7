/**
 * The agents subgraph's event consumers, one consumer group each (a group hands each event to one of its
 * handlers, whatever its type): `agents-stages` applies the stage coaching detects to the session
 * (stage-detections.ts); `agents` opens the sessions of the GoHighLevel conversations coaching reports
 * (session-requests.ts); `agents-locations` keeps the read model of the tenants' locations an agent may be
 * put at and wakes the requests waiting for one (locations.ts); `agents-erase` clears a contact's session
 * context on `tenants.contact.erase_requested` (contact-erase.ts).
 */
import { openWorkerOrm } from '../../../core/db/worker-orm';
import type { SubscribeConsumers } from '../../../core/server/subgraph-module';
import { EventTypes } from '../../../core/vocabulary';
import type { AgentsRuntime } from '../runtime';
import { AGENTS_ERASE_CONSUMER, contactEraseHandler } from './contact-erase';
import { AGENTS_LOCATIONS_CONSUMER, locationEventHandler } from './locations';
import { AGENTS_CONSUMER, ghlConversationHandler } from './session-requests';
import { AGENTS_STAGES_CONSUMER, stageDetectionHandler } from './stage-detections';

export { AGENTS_LOCATIONS_CONSUMER } from './locations';
export { AGENTS_STAGES_CONSUMER } from './stage-detections';
export { AGENTS_CONSUMER, ghlConversationHandler, parseConversationStart } from './session-requests';

export const subscribeAgentsConsumers: SubscribeConsumers<AgentsRuntime> = async (deps, runtime) => {
  const { events, logger } = deps;
  await events.subscribe(
    AGENTS_CONSUMER,
    [EventTypes.coachingGhlConversationStarted],
    ghlConversationHandler({ orm: deps.orm, logger }),
  );
  await events.subscribe(
    AGENTS_STAGES_CONSUMER,
    [EventTypes.coachingStageDetected],
    stageDetectionHandler({ orm: deps.orm, logger }),
  );
  await events.subscribe(
    AGENTS_ERASE_CONSUMER,
    [EventTypes.tenantContactEraseRequested],
    contactEraseHandler({ orm: deps.orm, logger }),
  );
  // requests waiting for a location hold their connection (PostgreSQL): the consumer has its own pool
  const worker = await openWorkerOrm(deps.orm);
  await events.subscribe(
    AGENTS_LOCATIONS_CONSUMER,
    [EventTypes.tenantLocationUpserted],
    locationEventHandler({ orm: worker.orm, logger, arrivals: runtime.locations }),
  );
  return () => worker.close();
};
