/**
 * The agents subgraph's migrations: the files of sqlite/ and postgresql/, oldest first.
 * Written by `npm run migrations:create -- agents` (tools/migrations/create.ts): do not edit by hand.
 */
import { dialectMigrations } from '../../../core/db/dialect-migrations';
import { LEGACY_MIGRATIONS } from './legacy';
import { Migration20261206234147_baseline as sqlite20261206234147_baseline } from './sqlite/Migration20261206234147_baseline';
import { Migration20261206235355_session_ghl_conversation as sqlite20261206235355_session_ghl_conversation } from './sqlite/Migration20261206235355_session_ghl_conversation';
import { Migration20261207160533_dead_letters as sqlite20261207160533_dead_letters } from './sqlite/Migration20261207160533_dead_letters';
import { Migration20261206234147_baseline as postgresql20261206234147_baseline } from './postgresql/Migration20261206234147_baseline';
import { Migration20261206235355_session_ghl_conversation as postgresql20261206235355_session_ghl_conversation } from './postgresql/Migration20261206235355_session_ghl_conversation';
import { Migration20261207160533_dead_letters as postgresql20261207160533_dead_letters } from './postgresql/Migration20261207160533_dead_letters';

export const agentsMigrations = dialectMigrations({
  legacy: LEGACY_MIGRATIONS,
  sqlite: [
    { name: 'Migration20261206234147_baseline', class: sqlite20261206234147_baseline },
    {
      name: 'Migration20261206235355_session_ghl_conversation',
      class: sqlite20261206235355_session_ghl_conversation,
    },
    { name: 'Migration20261207160533_dead_letters', class: sqlite20261207160533_dead_letters },
  ],
  postgresql: [
    { name: 'Migration20261206234147_baseline', class: postgresql20261206234147_baseline },
    {
      name: 'Migration20261206235355_session_ghl_conversation',
      class: postgresql20261206235355_session_ghl_conversation,
    },
    { name: 'Migration20261207160533_dead_letters', class: postgresql20261207160533_dead_letters },
  ],
});
