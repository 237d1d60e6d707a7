/** `npm run migrate`: brings every subgraph's database (SQLite files or PostgreSQL schemas) up to date. */
import 'reflect-metadata';
import { loadConfigOrExit } from './config';
import { migrateAll } from './platform';

migrateAll(loadConfigOrExit())
  .then(() => process.stdout.write('migrations applied\n'))
  .catch((err: unknown) => {
    process.stderr.write(`migration failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
