import { type DataSource } from 'typeorm';
import { Job } from '../entities/job.entity.ts';
import { Organisation } from '../entities/organisation.entity.ts';
import { User } from '../entities/user.entity.ts';
import { TOPICS, type EventPublisher } from '../events.ts';
import { ExchangeError, type DirectoryUserRecord, type ExchangeGatewayFactory } from '../exchange-gateway.ts';
import { EmailConfigurationService } from './email-configuration.service.ts';
import type { SecretCipher } from './secret-cipher.ts';

export type DirectoryOutcome = 'CREATED' | 'UPDATED' | 'UNCHANGED';

interface Fields {
  displayName: string;
  primaryEmail: string;
  userPrincipalName: string;
  exchangeLicenseValid: boolean;
  disabled: boolean;
}

/** What Mailroom keeps of a directory user: primary email is `mail`, or the UPN when it has none. */
export function directoryFields(record: DirectoryUserRecord): Fields {
  const primaryEmail = record.mail?.trim() || record.userPrincipalName;
  return {
    displayName: record.displayName?.trim() || primaryEmail,
    primaryEmail,
    userPrincipalName: record.userPrincipalName,
    exchangeLicenseValid: record.exchangeLicenseValid,
    disabled: record.accountEnabled === false,
  };
}

/**
 * Imports the tenant's directory: each user is matched by directory object id, else by primary
 * email, and created or updated (UPN, primary email, Exchange-licence state, disabled). Roles and
 * sales licences stay the administrator's to assign. Users missing from the directory are left
 * alone. Idempotent.
 */
export class DirectoryImportRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
    private readonly gateways: ExchangeGatewayFactory,
    private readonly events: EventPublisher,
  ) {}

  async run(jobId: string, now = new Date()): Promise<Record<DirectoryOutcome, number>> {
    const jobs = this.dataSource.getRepository(Job);
    const job = await jobs.findOneBy({ id: jobId });
    const counts: Record<DirectoryOutcome, number> = { CREATED: 0, UPDATED: 0, UNCHANGED: 0 };
    if (!job || job.status === 'COMPLETED' || job.status === 'FAILED') return counts;
    const organisation = await this.dataSource.getRepository(Organisation).findOneByOrFail({ id: job.organisationId });
    const publish = () => this.events.publish(TOPICS.JOB_PROGRESS, jobId, { jobId, organisationId: organisation.id });

    let records: DirectoryUserRecord[];
    try {
      const connection = await new EmailConfigurationService(this.dataSource, this.cipher, this.gateways).connectionFor(
        organisation,
      );
      records = await this.gateways(connection).listUsers();
    } catch (error) {
      if (!(error instanceof ExchangeError) || error.kind === 'TRANSIENT' || error.kind === 'THROTTLED') throw error;
      await jobs.update(
        { id: jobId },
        {
          status: 'FAILED',
          finishedAt: now,
          error:
            error.kind === 'AUTH_FAILED'
              ? 'Microsoft Entra ID rejected the tenant credentials; connect the tenant again.'
              : 'The app registration may not read the directory (User.Read.All); grant it with admin consent and import again.',
        },
      );
      await publish();
      return counts;
    }
    await jobs.update({ id: jobId }, { status: 'RUNNING', startedAt: now, total: records.length });
    await publish();

    await this.dataSource.transaction(async (manager) => {
      const users = manager.getRepository(User);
      const existing = await users.findBy({ organisationId: organisation.id });
      const byObjectId = new Map(existing.filter((u) => u.directoryObjectId).map((u) => [u.directoryObjectId!, u]));
      const byEmail = new Map(existing.map((u) => [u.primaryEmailLower, u]));
      for (const record of records) {
        const fields = directoryFields(record);
        const match = byObjectId.get(record.id) ?? byEmail.get(fields.primaryEmail.toLowerCase());
        if (!match) {
          await users.insert({
            organisationId: organisation.id,
            ...fields,
            primaryEmailLower: fields.primaryEmail.toLowerCase(),
            directoryObjectId: record.id,
          });
          counts.CREATED++;
          continue;
        }
        const changed =
          match.directoryObjectId !== record.id ||
          (Object.keys(fields) as (keyof Fields)[]).some((key) => match[key] !== fields[key]);
        if (!changed) {
          counts.UNCHANGED++;
          continue;
        }
        await users.update(
          { id: match.id },
          { ...fields, primaryEmailLower: fields.primaryEmail.toLowerCase(), directoryObjectId: record.id },
        );
        counts.UPDATED++;
      }
      await manager
        .getRepository(Job)
        .update({ id: jobId }, { status: 'COMPLETED', done: records.length, finishedAt: now, report: { ...counts } });
    });
    await publish();
    return counts;
  }
}
