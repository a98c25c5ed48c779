import { TOPICS, type EmailServerProfile, type User } from '@mailroom/domain';
import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { toConnection } from './connection.ts';
import { requirePrincipal } from '../auth-checker.ts';
import type { ApiContext } from '../context.ts';
import {
  EmailServerProfileType,
  UpdateEmailServerProfileInput,
  UpdateUserInput,
  UserConnection,
} from './user-admin.type.ts';
import { UserType } from './user.type.ts';

@Resolver()
export class UserAdminResolver {
  @Authorized('SYSTEM_ADMINISTRATOR')
  @Query(() => UserConnection, { description: 'Administrators: the organisation’s users, by name.' })
  async users(
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: ApiContext,
  ): Promise<UserConnection> {
    const page = await context.services.userAdmin.list(requirePrincipal(context), search, first, after);
    return toConnection(page);
  }

  @Authorized('SYSTEM_ADMINISTRATOR')
  @Mutation(() => UserType, {
    description:
      'Administrators: sets a user’s roles and sales licence; a new Sales Professional gets a mailbox to approve and test.',
  })
  async updateUser(
    @Arg('input', () => UpdateUserInput) input: UpdateUserInput,
    @Ctx() context: ApiContext,
  ): Promise<User> {
    const principal = requirePrincipal(context);
    const { user, createdMailboxes } = await context.services.userAdmin.update(principal, input);
    for (const mailbox of createdMailboxes) {
      context.services.pubSub.publish(TOPICS.MAILBOX_STATUS_CHANGED, principal.organisationId, {
        mailboxId: mailbox.id,
        organisationId: principal.organisationId,
      });
    }
    return user;
  }

  @Authorized('SYSTEM_ADMINISTRATOR')
  @Query(() => [EmailServerProfileType], { description: 'Administrators: email server profiles, the default first.' })
  emailServerProfiles(@Ctx() context: ApiContext): Promise<EmailServerProfile[]> {
    return context.services.emailServerProfiles.list(requirePrincipal(context));
  }

  @Authorized('SYSTEM_ADMINISTRATOR')
  @Mutation(() => EmailServerProfileType, {
    description: 'Administrators: changes an email server profile; the secret is write-only.',
  })
  updateEmailServerProfile(
    @Arg('input', () => UpdateEmailServerProfileInput) input: UpdateEmailServerProfileInput,
    @Ctx() context: ApiContext,
  ): Promise<EmailServerProfile> {
    return context.services.emailServerProfiles.update(requirePrincipal(context), input);
  }
}

@Resolver(() => EmailServerProfileType)
export class EmailServerProfileResolver {
  @FieldResolver(() => Boolean, { description: 'Whether a client secret is stored; it is never returned.' })
  clientSecretSet(@Root() profile: EmailServerProfileType): boolean {
    return profile.clientSecretEncrypted !== null;
  }
}
