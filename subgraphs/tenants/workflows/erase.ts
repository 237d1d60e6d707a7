/**
 * A contact's erasure reaches the webhook delivery log too: every stored delivery body that names the
 * contact (a STAGE_REACHED delivery carries the session's `contactId`) keeps its shape with that id replaced
 * by `[erased]` — a delivery still waiting is then sent without it. Called in eraseContact's transaction.
 */
import type { EntityManager } from '@mikro-orm/core';
import { WebhookDelivery } from './entities';

export const ERASED = '[erased]';

function scrub(value: unknown, contactId: string): unknown {
  if (value === contactId) return ERASED;
  if (Array.isArray(value)) return value.map((v) => scrub(v, contactId));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, contactId)]));
  return value;
}

/** Returns how many deliveries named the contact. */
export async function eraseContactFromDeliveries(em: EntityManager, contactId: string): Promise<number> {
  const quoted = JSON.stringify(contactId);
  const rows = await em.find(WebhookDelivery, { body: { $like: `%${quoted.replace(/[%\\]/g, '')}%` } });
  let changed = 0;
  for (const d of rows) {
    const body = JSON.stringify(scrub(JSON.parse(d.body) as unknown, contactId));
    if (body !== d.body) {
      d.body = body;
      changed += 1;
    }
  }
  return changed;
}
