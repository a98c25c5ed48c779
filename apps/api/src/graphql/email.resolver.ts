import {
  publishTimelineChanges,
  type Activity,
  TOPICS,
  type Email,
  type FolderTrackingRule,
  type Mailbox,
} from '@mailroom/domain';
import { Repeater } from '@repeaterjs/repeater';
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
import { requirePrincipal } from '../auth-checker.ts';
import type { ApiContext } from '../context.ts';
import { publisherOf } from '../pubsub.ts';
import { toConnection } from './connection.ts';
import { safeBodyHtml } from './email-body.ts';
import {
  EmailCopyType,
  EmailPartyType,
  EmailType,
  FolderTrackingRuleType,
  MailFolderType,
  RecordRefType,
  SendEmailInput,
  TimelineConnection,
  TimelineEventType,
} from './email.type.ts';
import { MailboxType } from './mailbox.type.ts';
import { UserType } from './user.type.ts';

interface TimelineEventPayload {
  regardingId: string;
  change: string;
  activityId: string;
  activity: Activity | null;
}

@Resolver(() => FolderTrackingRuleType)
export class FolderTrackingRuleResolver {
  @FieldResolver(() => RecordRefType, {
    nullable: true,
    description: 'The record messages in the folder are tracked regarding.',
  })
  regarding(@Root() rule: FolderTrackingRule, @Ctx() { loaders }: ApiContext) {
    return rule.regardingId ? loaders.record.load(rule.regardingId) : null;
  }
}

@Resolver(() => EmailType)
export class EmailResolver {
  @Authorized()
  @Query(() => TimelineConnection, {
    description:
      "A record's timeline: activities regarding it (for an account, also its contacts' and opportunities'), and email it took part in.",
  })
  async timeline(
    @Arg('regardingId', () => ID) regardingId: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: ApiContext,
  ) {
    const page = await context.services.emails.timeline(requirePrincipal(context), regardingId, first, after);
    // The page brought its emails' copies: the copies field reads them from the loader.
    for (const [emailId, copies] of page.copies) context.loaders.emailCopies.prime(emailId, copies);
    // Nearly every activity regards the record itself: its name needs no second lookup.
    context.loaders.record.prime(page.record.id, page.record);
    return toConnection(page);
  }

  @Authorized()
  @Query(() => EmailType, { nullable: true })
  email(@Arg('id', () => ID) id: string, @Ctx() context: ApiContext): Promise<Email | null> {
    return context.services.emails.get(requirePrincipal(context), id);
  }

  @Authorized()
  @Mutation(() => EmailType, {
    description: "Queues an email from a record (Pending send); a worker sends it through the caller's mailbox.",
  })
  async sendEmail(@Arg('input', () => SendEmailInput) input: SendEmailInput, @Ctx() context: ApiContext) {
    const { services } = context;
    const email = await services.emails.send(requirePrincipal(context), input);
    await services.queues.enqueue('email-send', { emailId: email.id });
    await publishTimelineChanges(services.dataSource.manager, publisherOf(services.pubSub), { created: [email.id] });
    return email;
  }

  @Authorized()
  @Mutation(() => EmailType, {
    description: 'Tracks a message of the mailbox (what the App for Outlook does), regarding a record if given.',
  })
  async trackMessage(
    @Arg('mailboxId', () => ID) mailboxId: string,
    @Arg('exchangeMessageId', () => String) exchangeMessageId: string,
    @Arg('regardingId', () => ID, { nullable: true }) regardingId: string | null,
    @Ctx() context: ApiContext,
  ) {
    const { services } = context;
    const email = await services.emails.track(requirePrincipal(context), mailboxId, exchangeMessageId, regardingId);
    await publishTimelineChanges(services.dataSource.manager, publisherOf(services.pubSub), { updated: [email.id] });
    return email;
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: 'Untracks an email: it leaves timelines and its Exchange copies lose the tracking category.',
  })
  async untrackMessage(@Arg('emailId', () => ID) emailId: string, @Ctx() context: ApiContext) {
    const { services } = context;
    // Timelines are told before the email leaves them (afterwards its keys would be unknown).
    const principal = requirePrincipal(context);
    const email = await services.emails.get(principal, emailId);
    await services.emails.untrack(principal, emailId);
    if (email) {
      await publishTimelineChanges(services.dataSource.manager, publisherOf(services.pubSub), { updated: [email.id] });
    }
    return true;
  }

  @Authorized()
  @Query(() => [MailFolderType], { description: "The mailbox's folders under the Inbox (the ones rules may map)." })
  mailFolders(@Arg('mailboxId', () => ID) mailboxId: string, @Ctx() context: ApiContext) {
    return context.services.emails.trackableFolders(requirePrincipal(context), mailboxId);
  }

  @Authorized()
  @Query(() => [FolderTrackingRuleType])
  folderTrackingRules(@Arg('mailboxId', () => ID) mailboxId: string, @Ctx() context: ApiContext) {
    return context.services.emails.folderRules(requirePrincipal(context), mailboxId);
  }

  @Authorized()
  @Mutation(() => FolderTrackingRuleType, {
    description:
      'Maps a folder under the Inbox to a record: messages moved into it are tracked regarding it (at most 25 per user).',
  })
  async createFolderTrackingRule(
    @Arg('mailboxId', () => ID) mailboxId: string,
    @Arg('folderId', () => String) folderId: string,
    @Arg('regardingId', () => ID, { nullable: true }) regardingId: string | null,
    @Ctx() context: ApiContext,
  ): Promise<FolderTrackingRule> {
    const rule = await context.services.emails.createFolderRule(
      requirePrincipal(context),
      mailboxId,
      folderId,
      regardingId,
    );
    await context.services.syncSignals.wake([mailboxId]);
    return rule;
  }

  @Authorized()
  @Mutation(() => Boolean)
  deleteFolderTrackingRule(@Arg('id', () => ID) id: string, @Ctx() context: ApiContext) {
    return context.services.emails.deleteFolderRule(requirePrincipal(context), id);
  }

  @Authorized()
  @Mutation(() => MailboxType, { description: 'Turns folder-level tracking on or off for a mailbox.' })
  async setFolderTracking(
    @Arg('mailboxId', () => ID) mailboxId: string,
    @Arg('enabled', () => Boolean) enabled: boolean,
    @Ctx() context: ApiContext,
  ): Promise<Mailbox> {
    const mailbox = await context.services.emails.setFolderTracking(requirePrincipal(context), mailboxId, enabled);
    await context.services.syncSignals.wake([mailboxId]);
    return mailbox;
  }

  @FieldResolver(() => String, { description: 'The body as sanitised HTML, safe to render.' })
  bodyHtml(@Root() email: Email): string {
    return safeBodyHtml(email.body, email.bodyContentType);
  }

  @FieldResolver(() => [EmailPartyType])
  parties(@Root() email: Email) {
    return email.parties;
  }

  @FieldResolver(() => EmailPartyType, { nullable: true })
  from(@Root() email: Email) {
    return email.parties.find((p) => p.role === 'FROM') ?? null;
  }

  @FieldResolver(() => [EmailPartyType])
  to(@Root() email: Email) {
    return email.parties.filter((p) => p.role === 'TO');
  }

  @FieldResolver(() => [EmailPartyType])
  cc(@Root() email: Email) {
    return email.parties.filter((p) => p.role === 'CC');
  }

  @FieldResolver(() => [EmailCopyType], { description: 'The CRM mailboxes holding a copy in Exchange.' })
  copies(@Root() email: Email, @Ctx() { loaders }: ApiContext) {
    return loaders.emailCopies.load(email.id);
  }

  @FieldResolver(() => RecordRefType, { nullable: true })
  regarding(@Root() email: Email, @Ctx() { loaders }: ApiContext) {
    return email.regardingId ? loaders.record.load(email.regardingId) : null;
  }

  @FieldResolver(() => UserType, { nullable: true })
  owner(@Root() email: Email, @Ctx() { loaders }: ApiContext) {
    return email.ownerUserId ? loaders.user.load(email.ownerUserId) : null;
  }

  @Authorized()
  @Subscription(() => TimelineEventType, {
    description: "An activity appeared on or changed on the record's timeline.",
    subscribe: ({ args, context }) => {
      const { services } = context as ApiContext;
      const principal = requirePrincipal(context as ApiContext);
      const regardingId = String(args['regardingId']);
      return new Repeater<TimelineEventPayload>(async (push, stop) => {
        // Only for records the caller may see (NOT_FOUND otherwise, like the query).
        await services.crm.visibleRecord(principal, regardingId);
        const events = services.pubSub.subscribe(TOPICS.TIMELINE_CHANGED, regardingId);
        const iterator = events[Symbol.asyncIterator]();
        stop.then(() => iterator.return?.());
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
          if (next.value.organisationId !== principal.organisationId) continue;
          for (const loader of Object.values((context as ApiContext).loaders)) loader.clearAll();
          const email = await services.emails.get(principal, next.value.activityId);
          const activity = email
            ? email.tracked
              ? email
              : null
            : ((await services.tasks.get(principal, next.value.activityId)) ??
              (await services.appointments.get(principal, next.value.activityId)));
          await push({ regardingId, change: next.value.change, activityId: next.value.activityId, activity });
        }
        stop();
      });
    },
  })
  timelineChanged(
    @Arg('regardingId', () => ID) _regardingId: string,
    @Root() event: TimelineEventPayload,
  ): TimelineEventPayload {
    return event;
  }
}
