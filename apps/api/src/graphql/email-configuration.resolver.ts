import { UNAVAILABLE_REASON_TEXT, type AutoApprovalReason, type Job, type JobItemOutcome } from '@mailroom/domain';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { mailboxTestJobs } from '@mailroom/queues';
import { toConnection } from './connection.ts';
import { requirePrincipal } from '../auth-checker.ts';
import type { ApiContext } from '../context.ts';
import {
  AvailabilityType,
  ConnectTenantInput,
  EmailConfigurationType,
  JobItemConnection,
} from './email-configuration.type.ts';
import { JobType } from './job.type.ts';

@Resolver()
export class EmailConfigurationResolver {
  @Authorized('SYSTEM_ADMINISTRATOR')
  @Query(() => EmailConfigurationType, {
    description: 'Administrators: where Configure email stands and what to do next.',
  })
  emailConfiguration(@Ctx() context: ApiContext): Promise<EmailConfigurationType> {
    return context.services.emailConfiguration.state(requirePrincipal(context));
  }

  @Authorized('SYSTEM_ADMINISTRATOR')
  @Mutation(() => EmailConfigurationType, {
    description:
      'Administrators: connects the organisation to a Microsoft 365 tenant; the credentials are checked first.',
  })
  async connectTenant(
    @Arg('input', () => ConnectTenantInput) input: ConnectTenantInput,
    @Ctx() context: ApiContext,
  ): Promise<EmailConfigurationType> {
    const state = await context.services.emailConfiguration.connectTenant(requirePrincipal(context), input);
    // The tenant's users (UPN, primary email, Exchange licence) come in right away.
    await this.startImport(context);
    return state;
  }

  @Authorized('SYSTEM_ADMINISTRATOR')
  @Mutation(() => JobType, {
    description:
      'Administrators: imports users from the tenant directory (UPN, primary email, Exchange licence) as a job.',
  })
  importDirectory(@Ctx() context: ApiContext): Promise<Job> {
    return this.startImport(context);
  }

  private async startImport(context: ApiContext): Promise<Job> {
    const { job, created } = await context.services.emailConfiguration.startDirectoryImport(requirePrincipal(context));
    if (created) await context.services.queues.enqueue('directory-import', { jobId: job.id });
    return job;
  }

  @Authorized('SYSTEM_ADMINISTRATOR')
  @Mutation(() => JobType, {
    description:
      'Administrators: detects Exchange Online and configures email in the background (NEEDS_EXCHANGE_SUBSCRIPTION without it).',
  })
  async configureEmail(@Ctx() context: ApiContext): Promise<Job> {
    const { job, created } = await context.services.emailConfiguration.startConfigure(requirePrincipal(context));
    if (created) await context.services.queues.enqueue('configure-email', { jobId: job.id });
    return job;
  }

  @Authorized('SYSTEM_ADMINISTRATOR')
  @Mutation(() => JobType, {
    description: 'Administrators: approves the mailboxes, then tests and enables them; one job, live progress.',
  })
  approveAndTestMailboxes(
    @Arg('mailboxIds', () => [ID]) mailboxIds: string[],
    @Ctx() context: ApiContext,
  ): Promise<Job> {
    return this.startTests(context, mailboxIds, true);
  }

  @Authorized('SYSTEM_ADMINISTRATOR')
  @Mutation(() => JobType, {
    description: 'Administrators: tests approved mailboxes again and enables those that pass.',
  })
  testAndEnableMailboxes(
    @Arg('mailboxIds', () => [ID]) mailboxIds: string[],
    @Ctx() context: ApiContext,
  ): Promise<Job> {
    return this.startTests(context, mailboxIds, false);
  }

  private async startTests(context: ApiContext, mailboxIds: string[], approve: boolean): Promise<Job> {
    const principal = requirePrincipal(context);
    const { job, mailboxIds: toEnqueue } = await context.services.emailConfiguration.startMailboxTests(
      principal,
      mailboxIds,
      approve,
    );
    await context.services.queues.enqueueMany('mailbox-test', mailboxTestJobs(job.id, toEnqueue, approve));
    for (const mailboxId of toEnqueue) {
      context.services.pubSub.publish('MAILBOX_STATUS_CHANGED', principal.organisationId, {
        mailboxId,
        organisationId: principal.organisationId,
      });
    }
    return job;
  }

  @Authorized()
  @Query(() => AvailabilityType, {
    description:
      'Whether email configuration and mailbox features are available to the signed-in user, and if not, why.',
  })
  async emailIntegrationAvailability(@Ctx() context: ApiContext): Promise<AvailabilityType> {
    const availability = await context.services.users.availability(requirePrincipal(context));
    return { ...availability, explanations: availability.reasons.map((reason) => UNAVAILABLE_REASON_TEXT[reason]) };
  }
}

@Resolver(() => JobType)
export class JobItemsResolver {
  @FieldResolver(() => JobItemConnection, {
    description: 'Per-mailbox outcome (for Configure email: why each other mailbox was left out).',
  })
  async items(
    @Root() job: Job,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: ApiContext,
  ): Promise<JobItemConnection> {
    const page = await context.services.jobs.items(requirePrincipal(context), job.id, first, after);
    return toConnection(page, (item) => {
      const detail = item.detail as {
        emailAddress?: string;
        reasons?: AutoApprovalReason[];
        outcome?: JobItemOutcome;
        message?: string;
      };
      return {
        id: item.id,
        mailboxId: item.itemId,
        emailAddress: detail.emailAddress ?? null,
        status: item.status,
        reasons: detail.reasons ?? [],
        outcome: detail.outcome ?? null,
        message: detail.message ?? null,
      };
    });
  }
}
