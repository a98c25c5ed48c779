import type { ApiKey } from '@mailroom/domain';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requirePrincipal } from '../auth-checker.ts';
import type { ApiContext } from '../context.ts';
import { ApiKeyType, CreatedApiKeyType } from './api-key.type.ts';

@Resolver()
export class ApiKeyResolver {
  @Authorized()
  @Query(() => [ApiKeyType], { description: "The caller's API keys, newest first." })
  apiKeys(@Ctx() context: ApiContext): Promise<ApiKey[]> {
    return context.services.apiKeys.mine(requirePrincipal(context));
  }

  @Authorized()
  @Mutation(() => CreatedApiKeyType, {
    description: 'Creates an API key acting as the caller; the secret is shown once. Not with an API key.',
  })
  createApiKey(@Arg('name', () => String) name: string, @Ctx() context: ApiContext) {
    return context.services.apiKeys.create(requirePrincipal(context), name);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Revokes one of the caller’s API keys; it stops working at once.' })
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() context: ApiContext): Promise<boolean> {
    return context.services.apiKeys.revoke(requirePrincipal(context), id);
  }
}
