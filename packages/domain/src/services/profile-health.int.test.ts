import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source.ts';
import { Mailbox } from '../entities/mailbox.entity.ts';
import type { EventMap, EventPublisher } from '../events.ts';
import { newOrganisation, newRoleMailboxes, newUser } from '../testing/factories.ts';
import { raiseAlert } from './alert.service.ts';
import { alertIfProfileFailing } from './profile-health.ts';

let dataSource: DataSource;
const published: { topic: keyof EventMap; key: string }[] = [];
const events: EventPublisher = {
  async publish(topic, key) {
    published.push({ topic, key });
  },
};

beforeAll(async () => {
  dataSource = createDataSource({ url: inject('databaseUrl') });
  await dataSource.initialize();
});
afterAll(() => dataSource.destroy());

async function organisationWithMailboxes(count: number) {
  const organisation = await newOrganisation(dataSource);
  const admin = await newUser(dataSource, organisation, { roles: ['SYSTEM_ADMINISTRATOR'] });
  for (let i = 0; i < count; i += 1) await newUser(dataSource, organisation);
  const mailboxes = (await newRoleMailboxes(dataSource, organisation)).filter((m) => m.ownerUserId !== admin.id);
  await dataSource.getRepository(Mailbox).update({ organisationId: organisation.id }, { approvalStatus: 'APPROVED' });
  return { organisation, admin, mailboxes };
}

const fail = (organisation: Awaited<ReturnType<typeof newOrganisation>>, mailbox: Mailbox) =>
  raiseAlert(dataSource.manager, organisation, mailbox, {
    severity: 'ERROR',
    code: 'ACCESS_POLICY_DENIED',
    message: 'denied',
    params: { address: mailbox.emailAddress },
  });

async function profileNotifications(organisationId: string) {
  return dataSource.query(
    `SELECT "userId", title FROM notification WHERE "organisationId" = $1 AND kind = 'PROFILE_FAILING'`,
    [organisationId],
  );
}

describe('profile health', () => {
  it('tells the administrators once an hour when more than half of a profile’s mailboxes fail', async () => {
    const { organisation, admin, mailboxes } = await organisationWithMailboxes(3);
    expect(mailboxes).toHaveLength(3);
    await fail(organisation, mailboxes[0]!);
    await alertIfProfileFailing(dataSource, events, organisation.id, [mailboxes[0]!.id]);
    expect(await profileNotifications(organisation.id)).toEqual([]);

    await fail(organisation, mailboxes[1]!);
    await alertIfProfileFailing(dataSource, events, organisation.id, [mailboxes[1]!.id]);
    await fail(organisation, mailboxes[2]!);
    await alertIfProfileFailing(dataSource, events, organisation.id, [mailboxes[2]!.id]);
    const notifications = await profileNotifications(organisation.id);
    expect(notifications).toEqual([
      { userId: admin.id, title: 'Most mailboxes of the profile "Exchange Online" are failing' },
    ]);
    expect(published).toContainEqual({ topic: 'NOTIFICATION_RECEIVED', key: admin.id });
  });
});
