/**
 * The runtime role (DB_APP_ROLE): logs in, owns nothing, so row-level security applies to it. Migrations
 * create it when missing; when DATABASE_APP_URL logs in as that role with a password, they also give it that
 * password, so a server that requires passwords (the official PostgreSQL image does) lets the services in,
 * and a password changed in the deployment's configuration takes effect at the next migration.
 */
import { quoteIdent } from './rls';

interface SqlConnection {
  execute<T>(sql: string, params?: unknown[]): Promise<T>;
}

/** The password DATABASE_APP_URL gives `role`, or undefined (no URL, no password, or another user). */
export function runtimePassword(appUrl: string | undefined, role: string): string | undefined {
  if (!appUrl) return undefined;
  const url = new URL(appUrl);
  if (decodeURIComponent(url.username) !== role || !url.password) return undefined;
  return decodeURIComponent(url.password);
}

export async function ensureRuntimeRole(conn: SqlConnection, role: string, password?: string): Promise<void> {
  await conn.execute(
    `do $$ begin if not exists (select 1 from pg_roles where rolname = '${role}') then create role ${quoteIdent(role)} login; end if; end $$`,
  );
  if (password === undefined) return;
  // DDL takes no bind parameters: PostgreSQL quotes the literal itself (format's %L), never string pasting
  const [row] = await conn.execute<{ sql: string }[]>(
    `select format('alter role %I with login password %L', ?::text, ?::text) as sql`,
    [role, password],
  );
  await conn.execute(row!.sql);
}
