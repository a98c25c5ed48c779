import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source.ts';
import { EmailServerProfile } from '../entities/email-server-profile.entity.ts';
import { Mailbox } from '../entities/mailbox.entity.ts';
import { Organisation } from '../entities/organisation.entity.ts';
import { newOrganisation, newRoleMailboxes, newUser } from '../testing/factories.ts';
import { mailboxWithConnection, profileOf } from './exchange-connection.ts';

let dataSource: DataSource;
beforeAll(async () => {
  dataSource = createDataSource({ url: inject('databaseUrl') });
  await dataSource.initialize();
});
afterAll(() => dataSource.destroy());

async function organisationWithMailbox() {
  const organisation = await newOrganisation(dataSource);
  await newUser(dataSource, organisation);
  const [mailbox] = await newRoleMailboxes(dataSource, organisation);
  const profiles = dataSource.getRepository(EmailServerProfile);
  const fallback = await profiles.findOneByOrFail({ organisationId: organisation.id, isDefault: true });
  const named = await profiles.save(
    profiles.create({ ...fallback, id: undefined, name: `Named ${randomUUID().slice(0, 6)}`, isDefault: false }),
  );
  return { organisation, mailbox: mailbox!, fallback, named };
}

describe('a mailbox with its connection, in one query', () => {
  it('brings the organisation and the profile profileOf would choose', async () => {
    const a = await organisationWithMailbox();
    const b = await organisationWithMailbox();
    const mailboxes = dataSource.getRepository(Mailbox);
    const check = async (emailServerProfileId: string | null, expected: string) => {
      await mailboxes.update({ id: a.mailbox.id }, { emailServerProfileId });
      const loaded = await mailboxWithConnection(dataSource, a.mailbox.id);
      expect(loaded?.organisation.id).toBe(a.organisation.id);
      expect(loaded?.mailbox).toBeInstanceOf(Mailbox);
      expect(loaded?.mailbox).toMatchObject({ id: a.mailbox.id, emailServerProfileId });
      expect(loaded?.profile?.id).toBe(expected);
      expect((await profileOf(dataSource, loaded!.mailbox))?.id).toBe(expected);
      // Every column as TypeORM itself loads it (types included: Dates, jsonb, nulls).
      expect(loaded?.mailbox).toEqual(await mailboxes.findOneBy({ id: a.mailbox.id }));
      expect(loaded?.organisation).toEqual(
        await dataSource.getRepository(Organisation).findOneBy({ id: a.organisation.id }),
      );
      expect(loaded?.profile).toEqual(await dataSource.getRepository(EmailServerProfile).findOneBy({ id: expected }));
    };
    await check(null, a.fallback.id); // none named: the organisation's default
    await check(a.named.id, a.named.id); // its own named profile
    await check(b.named.id, a.fallback.id); // another organisation's profile never applies
    expect(await mailboxWithConnection(dataSource, randomUUID())).toBeNull();
  });
});
