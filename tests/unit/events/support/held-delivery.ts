/**
 * Child process of outbox-in-process-kill.test.ts: the embedded platform's event path in miniature (an
 * outbox relay on the in-process bus) with one consumer that applies the event through consumeOnce and
 * stops mid-transaction, printing `HELD <event id>` — where the test kills this process with SIGKILL.
 */
import { createOrm } from '../../../../core/db/orm';
import { MemoryEventBus } from '../../../../core/events/memory-event-bus';
import { consumeOnce, startOutboxRelay } from '../../../../core/outbox';
import { EventTypes } from '../../../../core/vocabulary';
import { dbOptions, type DbKind } from '../../../helpers/db';
import { killTestOrmOptions } from './kill-test-db';

async function main(): Promise<void> {
  const kind = process.env['HELD_DB_KIND'] as DbKind;
  const orm = await createOrm(
    killTestOrmOptions(dbOptions(kind), process.env['HELD_SQLITE_DIR']!, process.env['HELD_SCHEMA']!),
  );
  const bus = new MemoryEventBus();
  await bus.subscribe(process.env['HELD_CONSUMER']!, [EventTypes.billingInvoiceIssued], (event) =>
    consumeOnce({
      orm,
      consumer: process.env['HELD_CONSUMER']!,
      event,
      handle: async () => {
        process.stdout.write(`HELD ${event.id}\n`);
        await new Promise<never>(() => undefined); // never finishes: the process is killed here
      },
    }).then(() => undefined),
  );
  startOutboxRelay({ orm, bus, intervalMs: 50 });
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(2);
});
