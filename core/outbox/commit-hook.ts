/**
 * Tells the relay the moment a transaction that wrote outbox rows has committed, on any fork of the
 * ORM, so the events are published right after commit instead of on the relay's next polling tick.
 * A row is staged inside some transaction (the caller's, or the one flush opens); we remember that
 * transaction's root and call back when that root commits. Rolled-back transactions call nothing.
 */
import type { EventSubscriber } from '@mikro-orm/core';
import type { Orm } from '../db/orm';
import { OutboxEvent } from './outbox-event';

/** A knex transaction: savepoints point at their parent (`Knex.Transaction.parentTransaction`). */
interface Trx {
  parentTransaction?: Trx;
}

function rootOf(trx: Trx): Trx {
  let t = trx;
  while (t.parentTransaction) t = t.parentTransaction;
  return t;
}

export interface CommitHook {
  /** Stops calling back (MikroORM cannot unregister a subscriber). */
  dispose(): void;
}

export function onOutboxCommit(orm: Orm, onCommit: () => void): CommitHook {
  const staged = new WeakSet<Trx>();
  let active = true;
  const subscriber: EventSubscriber<OutboxEvent> = {
    getSubscribedEntities: () => [OutboxEvent],
    afterCreate(args) {
      if (!active) return;
      const trx = args.em.getTransactionContext<Trx>();
      if (trx) staged.add(rootOf(trx));
      else onCommit(); // no transaction (disabled): the insert is already durable
    },
    afterTransactionCommit(args) {
      const trx = args.transaction as Trx | undefined;
      if (active && trx && staged.delete(trx)) onCommit();
    },
  };
  orm.em.getEventManager().registerSubscriber(subscriber);
  return {
    dispose() {
      active = false;
    },
  };
}
