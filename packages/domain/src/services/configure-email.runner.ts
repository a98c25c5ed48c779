import { In, type DataSource } from 'typeorm';
import { EmailServerProfile } from '../entities/email-server-profile.entity.ts';
import { JobItem } from '../entities/job-item.entity.ts';
import { Job } from '../entities/job.entity.ts';
import { Mailbox } from '../entities/mailbox.entity.ts';
import { Organisation } from '../entities/organisation.entity.ts';
import { User } from '../entities/user.entity.ts';
import { TOPICS, type EventPublisher } from '../events.ts';
import { AUTO_APPROVAL_REASON_TEXT, decideAutoApproval, MAILBOX_ROLES } from '../rules/auto-approval.rule.ts';
import { ensureRoleMailboxes } from './directory.service.ts';
import { markScheduled } from './email-configuration.service.ts';
import { finishJobItem } from './job-items.ts';
import { rolesOfUsers } from './user.service.ts';

/**
 * The background part of Configure email (PRODUCT.md §2). Idempotent: a second run finds
 * everything in place and changes nothing. Returns the mailboxes to approve, test and enable,
 * each an item of the same job, for the caller to enqueue.
 */
export class ConfigureEmailRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  async run(jobId: string, now = new Date()): Promise<{ mailboxIdsToTest: string[] }> {
    const job = await this.dataSource.getRepository(Job).findOneBy({ id: jobId });
    if (!job || job.status === 'COMPLETED' || job.status === 'FAILED') return { mailboxIdsToTest: [] };
    const organisationId = job.organisationId;

    const result = await this.dataSource.transaction(async (manager) => {
      // One configuration at a time per organisation, even across workers.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`configure-email:${organisationId}`]);
      const organisation = await manager.getRepository(Organisation).findOneByOrFail({ id: organisationId });

      // The default profile: Exchange Online, with the connected tenant's credentials.
      const profiles = manager.getRepository(EmailServerProfile);
      let profile = await profiles.findOneBy({ organisationId, isDefault: true });
      if (!profile) profile = profiles.create({ organisationId, name: 'Exchange Online', isDefault: true });
      profile.serverType = 'EXCHANGE_ONLINE';
      profile.tenantId = organisation.tenantId;
      profile.clientId = organisation.appClientId;
      profile.clientSecretEncrypted = organisation.appClientSecretEncrypted;
      profile = await profiles.save(profile);

      await manager.getRepository(Organisation).update(
        { id: organisationId },
        {
          defaultIncomingMethod: 'SERVER_SIDE_SYNC',
          defaultOutgoingMethod: 'SERVER_SIDE_SYNC',
          defaultActMethod: 'SERVER_SIDE_SYNC',
          outlookAppEnabled: true,
          emailConfiguredAt: organisation.emailConfiguredAt ?? now,
        },
      );
      await ensureRoleMailboxes(manager, organisationId);
      const mailboxes = await manager.getRepository(Mailbox).findBy({ organisationId });
      const needsMethods = mailboxes.filter(
        (m) =>
          m.incomingMethod !== 'SERVER_SIDE_SYNC' ||
          m.outgoingMethod !== 'SERVER_SIDE_SYNC' ||
          m.actMethod !== 'SERVER_SIDE_SYNC' ||
          !m.emailServerProfileId,
      );
      if (needsMethods.length > 0) {
        await manager
          .getRepository(Mailbox)
          .update(
            { id: In(needsMethods.map((m) => m.id)) },
            { incomingMethod: 'SERVER_SIDE_SYNC', outgoingMethod: 'SERVER_SIDE_SYNC', actMethod: 'SERVER_SIDE_SYNC' },
          );
        const withoutProfile = needsMethods.filter((m) => !m.emailServerProfileId).map((m) => m.id);
        if (withoutProfile.length > 0) {
          await manager.getRepository(Mailbox).update({ id: In(withoutProfile) }, { emailServerProfileId: profile.id });
        }
      }

      // Which mailboxes are approved, tested and enabled automatically, and why not the others.
      const owned = (await manager.getRepository(Mailbox).findBy({ organisationId })).filter((m) => m.ownerUserId);
      const owners = await manager.getRepository(User).findBy({ id: In(owned.map((m) => m.ownerUserId!)) });
      const ownerById = new Map(owners.map((u) => [u.id, u]));
      const roles = await rolesOfUsers(
        manager,
        owners.map((u) => u.id),
      );
      const candidates = owned.filter((m) =>
        (roles.get(m.ownerUserId!) ?? []).some((r) => (MAILBOX_ROLES as readonly string[]).includes(r)),
      );

      await manager
        .getRepository(Job)
        .update({ id: jobId }, { status: 'RUNNING', startedAt: now, total: candidates.length });
      if (candidates.length > 0) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(JobItem)
          .values(candidates.map((m) => ({ organisationId, jobId, itemId: m.id })))
          .orIgnore()
          .execute();
      }
      const toTest: Mailbox[] = [];
      for (const mailbox of candidates) {
        const owner = ownerById.get(mailbox.ownerUserId!)!;
        const decision = decideAutoApproval({ ...owner, roles: roles.get(owner.id) ?? [] });
        const base = { emailAddress: mailbox.emailAddress, owner: owner.displayName };
        if (!decision.eligible) {
          await finishJobItem(
            manager,
            jobId,
            mailbox.id,
            'SKIPPED',
            {
              ...base,
              outcome: 'NOT_ELIGIBLE',
              reasons: decision.reasons,
              message: decision.reasons.map((r) => AUTO_APPROVAL_REASON_TEXT[r]).join(' '),
            },
            now,
          );
        } else if (
          mailbox.approvalStatus === 'APPROVED' &&
          mailbox.testRunStatus === 'SUCCESS' &&
          mailbox.enabledForIncoming &&
          mailbox.enabledForOutgoing &&
          mailbox.enabledForAct
        ) {
          await finishJobItem(
            manager,
            jobId,
            mailbox.id,
            'SKIPPED',
            {
              ...base,
              outcome: 'ALREADY_ENABLED',
              reasons: [],
              message: 'Already approved, tested and enabled.',
            },
            now,
          );
        } else {
          toTest.push(mailbox);
        }
      }
      if (candidates.length === 0) {
        await manager.getRepository(Job).update({ id: jobId }, { status: 'COMPLETED', finishedAt: now });
      }
      const refreshed = await manager.getRepository(Mailbox).findBy({ id: In(toTest.map((m) => m.id)) });
      await markScheduled(manager, refreshed);
      return {
        toTest: toTest.map((m) => m.id),
        changed: [...new Set([...needsMethods.map((m) => m.id), ...toTest.map((m) => m.id)])],
      };
    });

    for (const mailboxId of result.changed) {
      await this.events.publish(TOPICS.MAILBOX_STATUS_CHANGED, organisationId, { mailboxId, organisationId });
    }
    await this.events.publish(TOPICS.JOB_PROGRESS, jobId, { jobId, organisationId });
    return { mailboxIdsToTest: result.toTest };
  }
}
