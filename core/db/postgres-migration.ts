/**
 * The base of every PostgreSQL migration file. A deployment (and every test) picks its own schema per
 * subgraph, so the files never name one: they write `${this.schema}` where MikroORM's generator wrote the
 * schema it diffed against, and each run substitutes the schema of the ORM it runs on.
 */
import { Migration } from '@mikro-orm/migrations';
import { quoteIdent } from './rls';

export abstract class PostgresMigration extends Migration {
  /** The quoted schema this migration runs in, e.g. `"coaching"`. */
  protected get schema(): string {
    return quoteIdent(String(this.config.get('schema') ?? 'public'));
  }
}
