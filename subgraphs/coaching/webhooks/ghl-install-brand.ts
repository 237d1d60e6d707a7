/**
 * The brand a GoHighLevel INSTALL webhook carries (`companyName`, `isWhitelabelCompany`,
 * `whitelabelDetails.logoUrl`) and the fact coaching states about it: `coaching.ghl_app.installed`, for
 * the tenant that connected the GHL location. Coaching knows that tenant only once a route exists, and an
 * INSTALL normally arrives before the tenant connects the location (it is stored, DONE, in the inbox with
 * no tenant). So the fact is staged, in the transaction that makes it true for the tenant, twice over:
 *  - when an INSTALL is processed for a location with a route (ghl-processor.ts), from that delivery;
 *  - when `connectGhlLocation` saves a route (service/ghl-connections.ts), from the newest INSTALL the inbox
 *    holds for the GHL location. No INSTALL held (never sent, or pruned after `retentionSeconds`): no brand,
 *    no event — an event with nulls would state nothing.
 * Tenants applies it idempotently and never over a newer explicit branding (its consumer decides).
 *
 * The newest INSTALL belongs to no tenant (it arrived before any route): on PostgreSQL the tenant's
 * request reads it through ONE narrow path, the SECURITY DEFINER function `ghl_install_for(ghl_location_id)`
 * (migration 20261207033930_ghl_install_for), which answers only that location's newest INSTALL body.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { Orm } from '../../../core/db/orm';
import { isPostgres } from '../../../core/db/request-scope';
import { quoteIdent } from '../../../core/db/rls';
import { EventTypes, type GhlAppInstalledPayload } from '../../../core/vocabulary';
import { stageEvent } from '../service/publish';
import { GHL_INSTALL_FOR } from './ghl-database-names';
import { optString, parseDelivery } from './ghl-payload';

export interface InstallBrand {
  companyName: string | null;
  logoUrl: string | null;
  whitelabel: boolean;
  installedAt: Date;
  webhookId: string;
}

/** The brand of an INSTALL body; `receivedAt` stands in for a missing or unreadable `timestamp`. */
export function installBrandOf(raw: string, receivedAt: Date): InstallBrand | null {
  const parsed = parseDelivery(Buffer.from(raw, 'utf8'));
  if (!parsed.ok || parsed.delivery.type !== 'INSTALL') return null;
  const { body, timestamp, webhookId } = parsed.delivery;
  const details = body['whitelabelDetails'];
  const logoUrl =
    typeof details === 'object' && details !== null && !Array.isArray(details)
      ? optString(details as Record<string, unknown>, 'logoUrl', 4096)
      : null;
  return {
    companyName: optString(body, 'companyName', 200),
    logoUrl,
    whitelabel: body['isWhitelabelCompany'] === true,
    installedAt: timestamp ?? receivedAt,
    webhookId,
  };
}

function toDate(v: unknown): Date {
  if (v instanceof Date) return v;
  const d = new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : (v as string | number));
  return Number.isNaN(d.getTime()) ? new Date() : d;
}

/** The newest INSTALL the inbox holds for a GHL location (whatever tenant, or none, it was stored for). */
export async function newestInstallBrand(
  orm: Orm,
  em: EntityManager,
  ghlLocationId: string,
): Promise<InstallBrand | null> {
  const schema = quoteIdent(String(orm.config.get('schema') ?? 'public'));
  const sql = isPostgres(orm)
    ? `select body, received_at from ${schema}.${quoteIdent(GHL_INSTALL_FOR)}(?)`
    : `select body, received_at from ghl_webhook_deliveries where order_key = ? || ':' and ghl_location_id = ? ` +
      `and type = 'INSTALL' order by seq desc limit 1`;
  const params = isPostgres(orm) ? [ghlLocationId] : [ghlLocationId, ghlLocationId];
  const found = await em
    .getConnection()
    .execute<{ body: string; received_at: unknown }[]>(sql, params, 'all', em.getTransactionContext());
  const row = found[0];
  return row ? installBrandOf(String(row.body), toDate(row.received_at)) : null;
}

/** Stages `coaching.ghl_app.installed` on `em` (written by the caller's flush, in its transaction). */
export function stageAppInstalled(
  em: EntityManager,
  target: { tenantId: string; locationId: string; ghlLocationId: string },
  brand: InstallBrand,
): void {
  stageEvent<GhlAppInstalledPayload>(em, EventTypes.coachingGhlAppInstalled, target.tenantId, {
    locationId: target.locationId,
    ghlLocationId: target.ghlLocationId,
    companyName: brand.companyName,
    logoUrl: brand.logoUrl,
    whitelabel: brand.whitelabel,
    installedAt: brand.installedAt.toISOString(),
    webhookId: brand.webhookId,
  });
}
