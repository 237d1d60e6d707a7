/**
 * Seeds the demo tenants into every subgraph (idempotent) and writes data/demo-credentials.json the
 * first time keys are created.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PlatformConfig } from '../core/config';
import { ensurePrivateDir, restrictIfExists, writePrivateFile } from '../core/private-files';
import type { EventBus } from '../core/events/event-bus';
import type { Orm } from '../core/db/orm';
import { seedTenants } from '../subgraphs/tenants/seed';
import { seedAgents } from '../subgraphs/agents/seed';
import { seedBilling } from '../subgraphs/billing/seed';
import { seedGhlRoutes } from '../subgraphs/coaching/seed';
import { DEMO, demoAgents, demoMembers } from './demo-plan';

export interface DemoCredentials {
  gatewayUrl: string;
  tenants: { id: string; name: string; apiKey: string }[];
}

export function credentialsFile(config: PlatformConfig): string {
  return path.join(config.dataDir, 'demo-credentials.json');
}

export async function seedDemo(
  config: PlatformConfig,
  orms: { tenants: Orm; agents: Orm; billing: Orm; coaching: Orm },
  events: EventBus,
  gatewayUrl: string,
): Promise<DemoCredentials | null> {
  const tenantsInput = (['acme', 'summit'] as const).map((key) => {
    const t = DEMO[key];
    return {
      id: t.id,
      name: t.name,
      children: 'child' in t ? [{ id: t.child.id, name: t.child.name }] : [],
      locations: t.locations.map((l) => ({
        id: l.id,
        organizationId: l.child && 'child' in t ? t.child.id : t.id,
        ghlLocationId: l.ghlLocationId,
        name: l.name,
        timezone: l.timezone,
      })),
      members: demoMembers(key),
    };
  });
  const result = await seedTenants(orms.tenants, { tenants: tenantsInput }, events);
  await seedAgents(
    orms.agents,
    {
      tenants: (['acme', 'summit'] as const).map((key) => ({
        tenantId: DEMO[key].id,
        agents: demoAgents(key),
      })),
    },
    events,
  );
  await seedBilling(orms.billing, {
    tenants: [
      { tenantId: DEMO.acme.id, organizationId: DEMO.acme.id, planCode: 'PRO' },
      { tenantId: DEMO.summit.id, organizationId: DEMO.summit.id, planCode: 'STARTER' },
    ],
  });
  // the demo locations receive GoHighLevel webhooks as if each tenant had installed the app on them
  await seedGhlRoutes(
    orms.coaching,
    tenantsInput.flatMap((t) =>
      t.locations.map((l) => ({ tenantId: t.id, ghlLocationId: l.ghlLocationId, locationId: l.id })),
    ),
  );
  const file = credentialsFile(config);
  const newKeys = Object.keys(result.apiKeys).length > 0;
  if (!newKeys) {
    if (!fs.existsSync(file)) return null;
    const existing = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoCredentials;
    const refreshed = { ...existing, gatewayUrl };
    // keep the keys, point at where the gateway listens now (the port may have changed)
    if (existing.gatewayUrl !== gatewayUrl) writePrivateFile(file, JSON.stringify(refreshed, null, 2));
    else restrictIfExists(file);
    return refreshed;
  }
  const creds: DemoCredentials = {
    gatewayUrl,
    tenants: tenantsInput
      .filter((t) => result.apiKeys[t.id])
      .map((t) => ({ id: t.id, name: t.name, apiKey: result.apiKeys[t.id]! })),
  };
  ensurePrivateDir(config.dataDir);
  writePrivateFile(file, JSON.stringify(creds, null, 2));
  return creds;
}
