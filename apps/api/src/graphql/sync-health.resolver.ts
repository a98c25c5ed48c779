import type { SyncHealth } from '@mailroom/domain';
import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { requirePrincipal } from '../auth-checker.ts';
import type { ApiContext } from '../context.ts';
import { SyncHealthType } from './sync-health.type.ts';

@Resolver()
export class SyncHealthResolver {
  @Authorized('SYSTEM_ADMINISTRATOR')
  @Query(() => SyncHealthType, {
    description:
      'Administrators: synchronisation of the organisation per minute over the last `windowMinutes` (1 to 1,440), queue depths and the mailboxes most behind.',
  })
  syncHealth(
    @Arg('windowMinutes', () => Int, { defaultValue: 60 }) windowMinutes: number,
    @Ctx() context: ApiContext,
  ): Promise<SyncHealth> {
    return context.services.syncHealth.health(requirePrincipal(context), windowMinutes);
  }
}
