import { PostgresMigration } from '../../../../core/db/postgres-migration';

/**
 * Hand-written (no entity change): `ghl_install_for(ghl_location_id)` → (body, received_at) of the newest
 * INSTALL delivery the inbox holds for one GHL location, whatever tenant (or none) it was stored for — what
 * `connectGhlLocation` reads, in the connecting tenant's scope, for the brand that came with the install
 * (webhooks/ghl-install-brand.ts). SECURITY DEFINER with `app.ghl_inbox` set for the call only (the inbox's
 * second policy): no other row, column or write. Lifecycle deliveries carry the order key `<location>:`.
 * SQLite (one process, no RLS) runs the same query directly: no file there.
 */
export class Migration20261207033930_ghl_install_for extends PostgresMigration {
  override async up(): Promise<void> {
    const s = this.schema;
    this.addSql(
      `create or replace function ${s}."ghl_install_for"(ghl_location_id text) returns table (body text, received_at timestamptz) language sql stable security definer set search_path = pg_catalog, pg_temp set app.ghl_inbox = 'on' as $fn$ select d.body::text, d.received_at::timestamptz from ${s}."ghl_webhook_deliveries" d where d.order_key = $1 || ':' and d.ghl_location_id = $1 and d.type = 'INSTALL' order by d.seq desc limit 1 $fn$;`,
    );
  }

  override async down(): Promise<void> {
    const s = this.schema;
    this.addSql(`drop function if exists ${s}."ghl_install_for"(text);`);
  }
}
