/**
 * The tenants' consumer of `coaching.ghl_app.installed` (subgraphs/tenants/consumers/ghl-brand.ts), in-process
 * on both databases: one event delivered several times at once is applied and audited once (processed_event
 * per consumer group); an event naming another tenant's location changes nothing (tenant scope); an install
 * not newer than the organization's branding changes nothing; a malformed payload is ignored, never thrown.
 */
import { makeEvent } from '../../../core/events/envelope';
import { unscopedFork } from '../../../core/db/request-scope';
import { EventTypes, type GhlAppInstalledPayload } from '../../../core/vocabulary';
import { AuditEntry, Organization } from '../../../subgraphs/tenants/entities';
import { tenantsSubgraph } from '../../../subgraphs/tenants';
import { ghlBrandHandler } from '../../../subgraphs/tenants/consumers/ghl-brand';
import { describeEachDb } from '../../helpers/variants';
import { startHarness, type SubgraphHarness } from '../../helpers/subgraph-harness';
import { A, B, dataOf, ownerA, seed, seedInput } from './fixtures';

const BRANDING = `mutation ($input: UpdateOrganizationBrandingInput!) {
  updateOrganizationBranding(input: $input) { id }
}`;

describeEachDb('tenants applies the brand of a GoHighLevel install (%s)', (kind) => {
  let h: SubgraphHarness;
  let handle: ReturnType<typeof ghlBrandHandler>;
  const ghlOf = (locationId: string) =>
    seedInput()
      .tenants.flatMap((t) => t.locations ?? [])
      .find((l) => l.id === locationId)!.ghlLocationId;
  const installed = (tenantId: string, locationId: string, over: Partial<GhlAppInstalledPayload> = {}) =>
    makeEvent<GhlAppInstalledPayload>(EventTypes.coachingGhlAppInstalled, tenantId, {
      locationId,
      ghlLocationId: ghlOf(locationId),
      companyName: 'Lakeway Agency',
      logoUrl: 'https://lakeway.test/logo.png',
      whitelabel: true,
      installedAt: new Date().toISOString(),
      webhookId: 'wh-1',
      ...over,
    });
  const org = (id: string) =>
    unscopedFork(h.db.owner).findOneOrFail(Organization, { id }, { filters: false });
  const brandAudits = (orgId: string) =>
    unscopedFork(h.db.owner).count(
      AuditEntry,
      { targetId: orgId, action: 'organization.apply_ghl_brand' },
      { filters: false },
    );

  beforeAll(async () => {
    h = await startHarness(tenantsSubgraph, kind);
    await seed(h);
    handle = ghlBrandHandler({ orm: h.db.orm, logger: h.deps.logger });
  });
  afterAll(() => h.close());

  it('applies one event once, however often and however concurrently it is delivered', async () => {
    const event = installed(A.id, A.loc2);
    await Promise.all([handle(event), handle(event), handle(event)]);
    await handle(event);
    expect((await org(A.child)).branding).toEqual({
      brandName: 'Lakeway Agency',
      primaryColor: null,
      logoUrl: 'https://lakeway.test/logo.png',
    });
    expect(await brandAudits(A.child)).toBe(1);
    // the location's organization only: the root keeps its branding
    expect((await org(A.id)).branding.brandName).toBeNull();
  });

  it("changes nothing when the event names another tenant's location", async () => {
    const before = (await org(A.id)).branding;
    await handle(installed(B.id, A.loc1, { companyName: 'Intruder' }));
    expect((await org(A.id)).branding).toEqual(before);
    expect((await org(B.id)).branding.brandName).toBeNull();
    expect(await brandAudits(A.id)).toBe(0);
  });

  it("keeps the tenant's branding against an older install; a newer one applies, primaryColor kept", async () => {
    const olderThanMine = new Date().toISOString();
    dataOf(
      await h.exec(ownerA(), BRANDING, {
        input: { organizationId: A.id, branding: { brandName: 'Acme Own', primaryColor: '#112233' } },
      }),
    );
    await handle(installed(A.id, A.loc1, { companyName: 'Old Install', installedAt: olderThanMine }));
    expect((await org(A.id)).branding).toEqual({
      brandName: 'Acme Own',
      primaryColor: '#112233',
      logoUrl: null,
    });
    await handle(
      installed(A.id, A.loc1, {
        companyName: 'New Install',
        installedAt: new Date(Date.now() + 1000).toISOString(),
      }),
    );
    expect((await org(A.id)).branding).toEqual({
      brandName: 'New Install',
      primaryColor: '#112233',
      logoUrl: 'https://lakeway.test/logo.png',
    });
  });

  it('ignores a malformed payload and a logo that is no https URL', async () => {
    await expect(
      handle({
        ...installed(B.id, B.loc1),
        payload: { locationId: 42 } as unknown as GhlAppInstalledPayload,
      }),
    ).resolves.toBeUndefined();
    await handle(
      installed(B.id, B.loc1, { companyName: 'Summit Agency', logoUrl: 'data:image/png;base64,AAAA' }),
    );
    expect((await org(B.id)).branding).toEqual({
      brandName: 'Summit Agency',
      primaryColor: null,
      logoUrl: null,
    });
  });
});
