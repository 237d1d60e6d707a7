/** What the tenants schema is built from (core/server/subgraph-module.ts: resolvers, one way). */
import type { FederatedSchemaOptions } from '../../../core/server/federated-schema';
import { AccessTokenResolver } from './access-token';
import { ApiKeyResolver, PartnerAppResolver } from './api-key';
import { AuditResolver } from './audit';
import { ContactDataExportResolver, ContactErasureResolver } from './contact-data';
import { LocationResolver } from './location';
import { MemberResolver } from './member';
import { OrganizationResolver } from './organization';
import { referenceResolvers } from './references';
import { ViewerResolver } from './viewer';
import { FollowUpTaskResolver, WebhookDeliveryResolver, WorkflowResolver } from '../workflows/resolvers';

export const tenantsSchemaOptions: FederatedSchemaOptions = {
  resolvers: [
    OrganizationResolver,
    LocationResolver,
    MemberResolver,
    ApiKeyResolver,
    PartnerAppResolver,
    AuditResolver,
    ContactDataExportResolver,
    ContactErasureResolver,
    ViewerResolver,
    AccessTokenResolver,
    WorkflowResolver,
    WebhookDeliveryResolver,
    FollowUpTaskResolver,
  ],
  referenceResolvers,
};
