import { addNotification, type Organisation, type User } from '@mailroom/domain';
import { newOrganisation, newUser } from '@mailroom/domain/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiHarness } from '../testing/api-harness.ts';

let api: ApiHarness;
let organisation: Organisation;

beforeAll(async () => {
  api = await startApi();
  organisation = await newOrganisation(api.server.dataSource);
});
afterAll(() => api.stop());

async function notify(user: User, count: number) {
  for (let i = 1; i <= count; i += 1) {
    await addNotification(api.server.dataSource.manager, {
      organisationId: organisation.id,
      userId: user.id,
      kind: 'MAILBOX_ALERT',
      title: `Notice ${i}`,
      message: `About notice ${i}`,
    });
  }
}

const UNREAD = '{ notifications(first: 5) { totalCount unreadCount edges { node { readAt } } } }';

describe('markAllNotificationsRead', () => {
  it('marks every unread notification of the caller, beyond the first page, and no one else’s', async () => {
    const alice = await newUser(api.server.dataSource, organisation, { password: 'pw' });
    const bob = await newUser(api.server.dataSource, organisation, { password: 'pw' });
    // More than the largest page the console loads (50), so "all" cannot mean "those on screen".
    await notify(alice, 60);
    await notify(bob, 3);
    const asAlice = await api.client.signIn(alice.primaryEmail, 'pw');
    const asBob = await api.client.signIn(bob.primaryEmail, 'pw');
    // One already read by id: it is not counted again.
    const first = await asAlice.request('{ notifications(first: 1) { edges { node { id } } } }');
    const readId = first.data!.notifications.edges[0].node.id;
    expect((await asAlice.request(`mutation { markNotificationsRead(ids: ["${readId}"]) }`)).data).toEqual({
      markNotificationsRead: 1,
    });

    const marked = await asAlice.request('mutation { markAllNotificationsRead }');
    expect(marked.errors).toBeUndefined();
    expect(marked.data).toEqual({ markAllNotificationsRead: 59 });

    const after = await asAlice.request(UNREAD);
    expect(after.data!.notifications).toMatchObject({ totalCount: 60, unreadCount: 0 });
    // The oldest, far past any page the console had loaded, is read too.
    const [{ unread }] = await api.server.dataSource.query(
      `SELECT count(*)::int AS unread FROM notification WHERE "userId" = $1 AND "readAt" IS NULL`,
      [alice.id],
    );
    expect(unread).toBe(0);

    const untouched = await asBob.request(UNREAD);
    expect(untouched.data!.notifications).toMatchObject({ totalCount: 3, unreadCount: 3 });
    expect(
      untouched.data!.notifications.edges.every(
        (edge: { node: { readAt: string | null } }) => edge.node.readAt === null,
      ),
    ).toBe(true);

    // Nothing left: a second call changes nothing.
    expect((await asAlice.request('mutation { markAllNotificationsRead }')).data).toEqual({
      markAllNotificationsRead: 0,
    });
  });

  it('needs a signed-in user', async () => {
    const anonymous = await api.client.request('mutation { markAllNotificationsRead }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
