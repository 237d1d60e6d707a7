import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { TenantsContext } from '../runtime';
import { ApiKey, PartnerApp } from '../entities';
import * as apiKeys from '../service/api-keys';
import * as partnerApps from '../service/partner-apps';
import { CreateApiKeyInput, CreatePartnerAppInput } from './inputs';
import { CreatedApiKey } from './types';

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => [ApiKey], {
    description:
      'API keys of the organizations you administer, revoked ones included, newest first. Needs scope tenants:admin and the OWNER or ADMIN role.',
  })
  apiKeys(@Ctx() ctx: TenantsContext): Promise<ApiKey[]> {
    return apiKeys.listApiKeys(ctx);
  }

  @Mutation(() => CreatedApiKey, {
    description: `Creates an API key for an organization you administer; the secret is in this response only (only its hash is stored). Send it as the X-Api-Key header; it works at once. Needs scope tenants:admin and the OWNER or ADMIN role (FORBIDDEN otherwise); you cannot grant scopes you do not hold (FORBIDDEN). NOT_FOUND for an organization you do not administer or an unknown partner app; BAD_USER_INPUT for an unknown scope.`,
  })
  createApiKey(
    @Arg('input', () => CreateApiKeyInput, { description: 'The key name, scopes and owner.' })
    input: CreateApiKeyInput,
    @Ctx() ctx: TenantsContext,
  ): Promise<CreatedApiKey> {
    return apiKeys.createApiKey(ctx, input);
  }

  @Mutation(() => ApiKey, {
    description: `Revokes an API key and returns it with revokedAt set: requests and subscriptions using it are refused from then on. Idempotent: revoking a revoked key returns it unchanged. Needs scope tenants:admin and the OWNER or ADMIN role (FORBIDDEN otherwise); NOT_FOUND for a key you do not administer.`,
  })
  revokeApiKey(
    @Arg('id', () => ID, { description: 'The key to revoke.' }) id: string,
    @Ctx() ctx: TenantsContext,
  ): Promise<ApiKey> {
    return apiKeys.revokeApiKey(ctx, id);
  }
}

@Resolver(() => PartnerApp)
export class PartnerAppResolver {
  @Query(() => [PartnerApp], {
    description: 'The partner apps of your tenant. Needs scope tenants:read or tenants:admin.',
  })
  partnerApps(@Ctx() ctx: TenantsContext): Promise<PartnerApp[]> {
    return partnerApps.listPartnerApps(ctx);
  }

  @Mutation(() => PartnerApp, {
    description:
      'Registers a partner app for the tenant and returns it; API keys created for it attribute usage to it, and each invoice pays it its revenue share of that usage. Needs scope tenants:admin and the OWNER or ADMIN role of the root organization (FORBIDDEN otherwise); BAD_USER_INPUT for a share outside 0..10000.',
  })
  createPartnerApp(
    @Arg('input', () => CreatePartnerAppInput, { description: 'The app name and revenue share.' })
    input: CreatePartnerAppInput,
    @Ctx() ctx: TenantsContext,
  ): Promise<PartnerApp> {
    return partnerApps.createPartnerApp(ctx, input);
  }
}
