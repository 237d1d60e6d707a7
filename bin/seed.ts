/** `npm run seed`: migrates and seeds the demo tenants (idempotent); prints the demo credentials file. */
import 'reflect-metadata';
import { loadConfigOrExit } from './config';
import { createEventBus, migrateAll, openOrm, rootLogger } from './platform';
import { credentialsFile, seedDemo } from './seed-demo';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  await migrateAll(config);
  const logger = rootLogger(config);
  const events = createEventBus(config, logger);
  const orms = {
    tenants: await openOrm(config, 'tenants'),
    agents: await openOrm(config, 'agents'),
    billing: await openOrm(config, 'billing'),
    coaching: await openOrm(config, 'coaching'),
  };
  try {
    const gatewayUrl = `http://${config.host}:${config.ports.gateway}/graphql`;
    const creds = await seedDemo(config, orms, events, gatewayUrl);
    process.stdout.write(
      creds ? `demo data seeded; credentials in ${credentialsFile(config)}\n` : 'demo data already present\n',
    );
  } finally {
    for (const orm of Object.values(orms)) await orm.close(true);
    await events.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`seed failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
