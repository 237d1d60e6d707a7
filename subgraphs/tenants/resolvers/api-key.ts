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
    description: 'API keys of the organizations the caller administers (needs tenants:admin).',
  })
  apiKeys(@Ctx() ctx: TenantsContext): Promise<ApiKey[]> {
    return apiKeys.listApiKeys(ctx);
  }

  @Mutation(() => CreatedApiKey, { description: 'Creates a key; the secret is in this response only.' })
  createApiKey(
    @Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput,
    @Ctx() ctx: TenantsContext,
  ): Promise<CreatedApiKey> {
    return apiKeys.createApiKey(ctx, input);
  }

  @Mutation(() => ApiKey)
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: TenantsContext): Promise<ApiKey> {
    return apiKeys.revokeApiKey(ctx, id);
  }
}

@Resolver(() => PartnerApp)
export class PartnerAppResolver {
  @Query(() => [PartnerApp])
  partnerApps(@Ctx() ctx: TenantsContext): Promise<PartnerApp[]> {
    return partnerApps.listPartnerApps(ctx);
  }

  @Mutation(() => PartnerApp)
  createPartnerApp(
    @Arg('input', () => CreatePartnerAppInput) input: CreatePartnerAppInput,
    @Ctx() ctx: TenantsContext,
  ): Promise<PartnerApp> {
    return partnerApps.createPartnerApp(ctx, input);
  }
}
