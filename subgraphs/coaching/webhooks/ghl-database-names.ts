/**
 * Names of the coaching schema's hand-written PostgreSQL objects, created by the baseline migration
 * (migrations/postgresql/Migration20261206234153_baseline.ts; a later change is a new migration file).
 */

/** `<schema>.ghl_route_for(ghl_location_id text)` → (tenant_id, location_id): webhooks/ghl-routes.ts. */
export const GHL_ROUTE_FOR = 'ghl_route_for';
/** `<schema>.ghl_route_uninstall(ghl_location_id text)` → routes removed: an UNINSTALL ends every tenant's route. */
export const GHL_ROUTE_UNINSTALL = 'ghl_route_uninstall';
/**
 * `<schema>.ghl_install_for(ghl_location_id text)` → (body, received_at) of the location's newest INSTALL
 * delivery, whatever tenant (or none) it was stored for: webhooks/ghl-install-brand.ts, on connect.
 */
export const GHL_INSTALL_FOR = 'ghl_install_for';
/**
 * The transaction setting that opens the inbox's second policy (`ghl_inbox_worker`): rows of every tenant
 * (and of none) are visible to a transaction that set it — the receiver and the worker do, in their own
 * transactions; GraphQL requests never do.
 */
export const GHL_INBOX_SETTING = 'app.ghl_inbox';
