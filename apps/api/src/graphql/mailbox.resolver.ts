import { notFound, TOPICS, type Mailbox, type MailboxSyncRun } from '@mailroom/domain';
import { Repeater } from '@repeaterjs/repeater';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { toConnection } from './connection.ts';
import { requirePrincipal } from '../auth-checker.ts';
import type { ApiContext } from '../context.ts';
import {
  MailboxAlertType,
  MailboxConnection,
  MailboxFilterInput,
  MailboxSyncRunType,
  MailboxType,
  UpdateMailboxInput,
} from './mailbox.type.ts';
import { UserType } from './user.type.ts';

@Resolver(() => MailboxType)
export class MailboxResolver {
  @Authorized()
  @Query(() => MailboxConnection, {
    description: 'Mailboxes the caller may see (administrators: all of the organisation), by email address.',
  })
  async mailboxes(
    @Arg('filter', () => MailboxFilterInput, { nullable: true }) filter: MailboxFilterInput | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: ApiContext,
  ): Promise<MailboxConnection> {
    const page = await context.services.mailboxes.list(requirePrincipal(context), filter, first, after);
    return toConnection(page);
  }

  @Authorized()
  @Query(() => MailboxType, { nullable: true })
  mailbox(@Arg('id', () => ID) id: string, @Ctx() context: ApiContext): Promise<Mailbox | null> {
    return context.services.mailboxes.get(requirePrincipal(context), id);
  }

  @Authorized()
  @Mutation(() => MailboxType, { description: 'Dismisses an alert on a mailbox you may see; returns the mailbox.' })
  async dismissMailboxAlert(@Arg('alertId', () => ID) alertId: string, @Ctx() context: ApiContext): Promise<Mailbox> {
    const principal = requirePrincipal(context);
    const mailbox = await context.services.mailboxes.dismissAlert(principal, alertId);
    context.services.pubSub.publish(TOPICS.MAILBOX_STATUS_CHANGED, principal.organisationId, {
      mailboxId: mailbox.id,
      organisationId: principal.organisationId,
    });
    return mailbox;
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Null for a queue mailbox.' })
  owner(@Root() mailbox: MailboxType, @Ctx() { loaders }: ApiContext) {
    return mailbox.ownerUserId ? loaders.user.load(mailbox.ownerUserId) : null;
  }

  @Authorized()
  @Mutation(() => MailboxType, { description: "Changes a mailbox's settings (its owner or an administrator)." })
  async updateMailbox(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateMailboxInput) input: UpdateMailboxInput,
    @Ctx() context: ApiContext,
  ): Promise<Mailbox> {
    const principal = requirePrincipal(context);
    let mailbox = await context.services.mailboxes.get(principal, id);
    if (input.incomingFilter)
      mailbox = await context.services.emails.setIncomingFilter(principal, id, input.incomingFilter);
    if (!mailbox) throw notFound('That mailbox');
    return mailbox;
  }

  @FieldResolver(() => GraphQLDateTimeISO, { nullable: true, description: 'Last successful synchronisation.' })
  lastSyncAt(@Root() mailbox: MailboxType): Date | null {
    return mailbox.lastSyncSuccessAt;
  }

  @FieldResolver(() => [MailboxAlertType], { description: 'Open (not dismissed) alerts, newest first.' })
  alerts(@Root() mailbox: MailboxType, @Ctx() { loaders }: ApiContext) {
    return loaders.alerts.load(mailbox.id);
  }

  @FieldResolver(() => [MailboxSyncRunType], {
    description: 'Recorded sync runs, newest first (runs that did something; the last 100 are kept).',
  })
  syncHistory(
    @Root() mailbox: MailboxType,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() context: ApiContext,
  ): Promise<MailboxSyncRun[]> {
    // The root is a mailbox the caller may see: its history has the same visibility.
    return context.services.mailboxes.syncHistory(requirePrincipal(context), mailbox.id, first);
  }

  @Authorized()
  @Subscription(() => MailboxType, {
    description: 'A mailbox the caller may see changed status (tests, approval, processing).',
    subscribe: ({ context }) => {
      const { services } = context as ApiContext;
      const principal = requirePrincipal(context as ApiContext);
      const events = services.pubSub.subscribe(TOPICS.MAILBOX_STATUS_CHANGED, principal.organisationId);
      return new Repeater<Mailbox>(async (push, stop) => {
        const iterator = events[Symbol.asyncIterator]();
        stop.then(() => iterator.return?.());
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
          // Reload: the caller sees the row as it is now, and only if they may see it.
          const mailbox = await services.mailboxes.get(principal, next.value.mailboxId);
          // The subscription's context lives as long as it does: forget what its loaders cached.
          for (const loader of Object.values((context as ApiContext).loaders)) loader.clearAll();
          if (mailbox) await push(mailbox);
        }
        stop();
      });
    },
  })
  mailboxStatusChanged(@Root() mailbox: Mailbox): Mailbox {
    return mailbox;
  }
}
