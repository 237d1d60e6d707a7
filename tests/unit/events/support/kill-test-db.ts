/** The database the kill test and its child process share: a SQLite file in a temp dir, or a PG schema. */
import type { DatabaseOptions } from '../../../../core/config';
import type { OrmOptions } from '../../../../core/db/orm';
import { outboxEntities } from '../../../../core/outbox';
import { entitySchemaMigration } from '../../../helpers/entity-schema-migration';

export function killTestOrmOptions(database: DatabaseOptions, sqliteDir: string, schema: string): OrmOptions {
  return {
    name: 'outboxkill',
    entities: outboxEntities,
    migrations: [entitySchemaMigration('Migration0001OutboxKillTest')],
    database: database.kind === 'sqlite' ? { ...database, sqliteDir } : database,
    schema: database.kind === 'postgres' ? schema : undefined,
  };
}
