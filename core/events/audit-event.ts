/**
 * How a sensitive action taken outside the tenants subgraph reaches the tenant's hash-chained audit log:
 * the subgraph stages `makeEvent(EventTypes.<subgraph>AuditRecorded, tenantId, auditRecord(...))` in its
 * outbox with the change (same transaction), and tenants appends it to the chain once
 * (subgraphs/tenants/consumers/audit-recorded.ts). The event type is written at each call site so the event
 * catalogue (tools/events/scan.ts) sees who publishes it.
 */
import type { AuditRecordedPayload } from '../vocabulary';

/** The payload of `<subgraph>.audit.recorded`; `change` is plain JSON, never secrets or message texts. */
export function auditRecord(payload: AuditRecordedPayload): AuditRecordedPayload {
  return JSON.parse(JSON.stringify(payload)) as AuditRecordedPayload;
}
