import { type GraphError, PageIterator, type Client } from '@microsoft/microsoft-graph-client';
import type { Message } from '@microsoft/microsoft-graph-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../testing/emulator.fixture.ts';

let t: TestEmulator;
let client: Client;
const PRO = 'sales.pro@contoso.example';
const TRACKING = 'String {d5b3a6f0-3c1e-4f7a-9a55-1b2c3d4e5f60} Name CrmTrackingId';

beforeAll(async () => {
  t = await startTestEmulator({ scenario: 'empty' });
  client = t.graph();
});
afterAll(() => t.stop());

type Row = Message & { '@removed'?: { reason: string } };

/** Follows nextLinks to the deltaLink with the SDK's PageIterator; returns all rows and the deltaLink. */
async function syncRound(start: string): Promise<{ rows: Row[]; deltaLink: string }> {
  const rows: Row[] = [];
  const iterator = new PageIterator(client, await client.api(start).get(), (row: Row) => {
    rows.push(row);
    return true;
  });
  await iterator.iterate();
  return { rows, deltaLink: iterator.getDeltaLink()! };
}

async function deliver(to: string, subject: string, extra: Record<string, unknown> = {}) {
  const result = await t.control<{
    delivered: { messageId: string; userPrincipalName: string }[];
    internetMessageId: string;
  }>('POST', `mailboxes/${to}/deliver`, {
    from: 'Fiona Fabrikam <fiona.fabrikam@fabrikam.example>',
    to,
    subject,
    body: `<p>${subject}</p>`,
    ...extra,
  });
  expect(result.status).toBe(201);
  return result.body;
}

describe('message delta', () => {
  it('pages to a deltaLink, then returns only changes: new mail, updates, @removed after move and delete', async () => {
    for (let i = 0; i < 25; i++) await deliver(PRO, `Initial ${i}`);
    const start = `/users/${PRO}/mailFolders/inbox/messages/delta`;
    const first = await client.api(start).select('subject,isRead,receivedDateTime').get();
    expect(first.value).toHaveLength(10);
    expect(first['@odata.nextLink']).toMatch(
      new RegExp(`^${t.url}/v1\\.0/users/.+/messages/delta\\?\\$skiptoken=[A-Za-z0-9_-]+$`),
    );
    const round = await syncRound(start + '?$select=subject,isRead');
    expect(round.rows.filter((row) => row.subject?.startsWith('Initial'))).toHaveLength(25);
    expect(round.deltaLink).toMatch(new RegExp(`^${t.url}/v1\\.0/.+\\$deltatoken=[A-Za-z0-9_-]+$`));
    expect(Object.keys(round.rows[0]!).sort()).toEqual(['@odata.etag', '@odata.type', 'id', 'isRead', 'subject']);

    const empty = await client.api(round.deltaLink).get();
    expect(empty.value).toEqual([]);
    expect(empty['@odata.deltaLink']).toBeTruthy();

    const fresh = await deliver(PRO, 'After the deltaLink');
    const target = round.rows.find((row) => row.subject === 'Initial 3')!;
    await client.api(`/users/${PRO}/messages/${target.id}`).patch({ isRead: true });
    const moved = round.rows.find((row) => row.subject === 'Initial 4')!;
    const archive = await client.api(`/users/${PRO}/messages/${moved.id}/move`).post({ destinationId: 'archive' });
    expect(archive.id).not.toBe(moved.id);
    const deleted = round.rows.find((row) => row.subject === 'Initial 5')!;
    await client.api(`/users/${PRO}/messages/${deleted.id}`).delete();

    const changes = await syncRound(empty['@odata.deltaLink']);
    const byId = new Map(changes.rows.map((row) => [row.id, row]));
    expect(byId.get(fresh.delivered[0]!.messageId)?.subject).toBe('After the deltaLink');
    expect(byId.get(target.id)?.isRead).toBe(true);
    expect(byId.get(moved.id)?.['@removed']).toEqual({ reason: 'deleted' });
    expect(byId.get(deleted.id)?.['@removed']).toEqual({ reason: 'deleted' });
    expect(changes.rows).toHaveLength(4);
  });

  it('honours Prefer odata.maxpagesize, changeType and the receivedDateTime filter, keeping them in the token', async () => {
    const start = `/users/${PRO}/mailFolders/inbox/messages/delta?changeType=created&$filter=receivedDateTime ge 2000-01-01T00:00:00Z`;
    const response = await fetch(`${t.url}/v1.0${start}`, {
      headers: {
        authorization: `Bearer ${(await t.msal().acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }))!.accessToken}`,
        prefer: 'odata.maxpagesize=7',
      },
    });
    expect(response.headers.get('preference-applied')).toBe('odata.maxpagesize=7');
    const page = (await response.json()) as { value: unknown[]; '@odata.nextLink': string };
    expect(page.value).toHaveLength(7);
    expect(page['@odata.nextLink']).not.toContain('changeType');
    const old = await client
      .api(`/users/${PRO}/mailFolders/inbox/messages/delta`)
      .filter('receivedDateTime ge 2100-01-01T00:00:00Z')
      .get();
    expect(old.value).toEqual([]);
    const unsupported = (await client
      .api(`/users/${PRO}/mailFolders/inbox/messages/delta`)
      .filter("subject eq 'x'")
      .get()
      .catch((e: unknown) => e)) as GraphError;
    expect(unsupported.statusCode).toBe(400);
  });

  it('answers 410 SyncStateNotFound once a token generation has rolled out, and 410 resyncRequired with Location on a forced reset', async () => {
    const round = await syncRound(`/users/${PRO}/mailFolders/inbox/messages/delta`);
    let link = round.deltaLink;
    for (let i = 0; i < 3; i++) link = (await client.api(link).get())['@odata.deltaLink'];
    const gone = (await client
      .api(round.deltaLink)
      .get()
      .catch((e: unknown) => e)) as GraphError;
    expect([gone.statusCode, gone.code]).toEqual([410, 'SyncStateNotFound']);
    expect(gone.message).toMatch(/generation=\d+;\[highest=\d+\]/);
    expect((await client.api(link).get())['@odata.deltaLink']).toBeTruthy();

    await t.control('POST', 'faults', { kind: 'expireDeltaTokens', upn: PRO });
    const reset = (await client
      .api(link)
      .get()
      .catch((e: unknown) => e)) as GraphError;
    expect([reset.statusCode, reset.code]).toEqual([410, 'resyncRequired']);
    expect(reset.headers?.get('location')).toBe(`${t.url}/v1.0/users/${PRO}/mailFolders/inbox/messages/delta`);
    const restarted = await syncRound(reset.headers!.get('location')!);
    expect(restarted.rows.length).toBeGreaterThan(20);
    await t.control('DELETE', 'faults');
  });

  it('keeps immutable ids across moves when asked with Prefer IdType="ImmutableId"', async () => {
    const immutable = { Prefer: 'IdType="ImmutableId"' };
    const { delivered } = await deliver(PRO, 'Immutable');
    const restId = delivered[0]!.messageId;
    const response = await client
      .api(`/users/${PRO}/messages/${restId}`)
      .headers(immutable)
      .responseType('raw' as never)
      .get();
    expect(response.headers.get('preference-applied')).toBe('IdType="ImmutableId"');
    const message = (await response.json()) as Message;
    expect(message.id).not.toBe(restId);
    const moved = await client
      .api(`/users/${PRO}/messages/${message.id}/move`)
      .headers(immutable)
      .post({ destinationId: 'archive' });
    expect(moved.id).toBe(message.id);
    const movedAgain = await client.api(`/users/${PRO}/messages/${moved.id}/move`).post({ destinationId: 'inbox' });
    expect(movedAgain.id).not.toBe(restId);
    const old = (await client
      .api(`/users/${PRO}/messages/${restId}`)
      .get()
      .catch((e: unknown) => e)) as GraphError;
    expect([old.statusCode, old.code]).toEqual([404, 'ErrorItemNotFound']);
    expect((await client.api(`/users/${PRO}/messages/${message.id}`).headers(immutable).get()).id).toBe(message.id);
  });
});

describe('writes', () => {
  it('sends mail: recipients in the tenant get it, the sender keeps it in Sent Items with the tracking property, outside addresses are recorded', async () => {
    await client.api(`/users/${PRO}/sendMail`).post({
      message: {
        subject: 'Quote for Fabrikam',
        body: { contentType: 'HTML', content: '<p>Attached.</p>' },
        toRecipients: [{ emailAddress: { address: 'fiona.fabrikam@fabrikam.example' } }],
        ccRecipients: [{ emailAddress: { address: 'sales.manager@contoso.example' } }],
        singleValueExtendedProperties: [{ id: TRACKING, value: 'crm-42' }],
      },
    });
    const sent = await client
      .api(`/users/${PRO}/mailFolders/sentitems/messages`)
      .filter(`singleValueExtendedProperties/Any(ep: ep/id eq '${TRACKING}' and ep/value eq 'crm-42')`)
      .expand(`singleValueExtendedProperties($filter=id eq '${TRACKING}')`)
      .get();
    expect(sent.value).toHaveLength(1);
    expect(sent.value[0].singleValueExtendedProperties).toEqual([{ id: TRACKING, value: 'crm-42' }]);
    const internetMessageId = sent.value[0].internetMessageId;
    const managerInbox = await client
      .api('/users/sales.manager@contoso.example/mailFolders/inbox/messages')
      .filter(`internetMessageId eq '${internetMessageId}'`)
      .get();
    expect(managerInbox.value).toHaveLength(1);
    expect(managerInbox.value[0]).not.toHaveProperty('singleValueExtendedProperties');
    const state = await t.control<{ sentOutsideTenant: { to: string[]; internetMessageId: string }[] }>('GET', 'state');
    expect(state.body.sentOutsideTenant).toContainEqual(
      expect.objectContaining({ to: ['fiona.fabrikam@fabrikam.example'], internetMessageId }),
    );
  });

  it('creates a draft (201), sends it (202) into Sent Items, and threads a reply by In-Reply-To', async () => {
    const draft = await client.api(`/users/${PRO}/messages`).post({
      subject: 'Draft to Marta',
      toRecipients: [{ emailAddress: { address: 'sales.manager@contoso.example' } }],
    });
    expect(draft.isDraft).toBe(true);
    expect(draft.parentFolderId).toBe((await client.api(`/users/${PRO}/mailFolders/drafts`).get()).id);
    await client.api(`/users/${PRO}/messages/${draft.id}/send`).post({});
    const sentItems = await client
      .api(`/users/${PRO}/mailFolders/sentitems/messages`)
      .filter(`internetMessageId eq '${draft.internetMessageId}'`)
      .get();
    expect(sentItems.value[0]).toMatchObject({ isDraft: false, subject: 'Draft to Marta' });

    const root = await deliver(PRO, 'Thread root', { internetMessageId: '<root-1@fabrikam.example>' });
    const reply = await deliver(PRO, 'RE: Thread root', {
      internetMessageId: '<reply-1@fabrikam.example>',
      inReplyTo: '<root-1@fabrikam.example>',
    });
    const [a, b] = await Promise.all(
      [root, reply].map((d) =>
        client
          .api(`/users/${PRO}/messages/${d.delivered[0]!.messageId}`)
          .select('conversationId,internetMessageId,internetMessageHeaders')
          .get(),
      ),
    );
    expect(a.conversationId).toBe(b.conversationId);
    expect(b.internetMessageHeaders).toContainEqual({ name: 'In-Reply-To', value: '<root-1@fabrikam.example>' });
  });

  it('creates folders and reports them through folder delta; rejects unknown properties', async () => {
    const folder = await client.api(`/users/${PRO}/mailFolders`).post({ displayName: 'Customers' });
    const child = await client
      .api(`/users/${PRO}/mailFolders/${folder.id}/childFolders`)
      .post({ displayName: 'Fabrikam' });
    const delta = await client.api(`/users/${PRO}/mailFolders/delta`).header('Prefer', 'odata.maxpagesize=100').get();
    expect(delta.value.map((f: { id: string }) => f.id)).toEqual(expect.arrayContaining([folder.id, child.id]));
    expect(delta.value.map((f: { displayName: string }) => f.displayName)).toEqual(
      expect.arrayContaining(['Inbox', 'Sent Items', 'Drafts', 'Deleted Items']),
    );
    const conflict = (await client
      .api(`/users/${PRO}/mailFolders`)
      .post({ displayName: 'customers' })
      .catch((e: unknown) => e)) as GraphError;
    expect(conflict.statusCode).toBe(409);
    const inbox = await client.api(`/users/${PRO}/mailFolders/Inbox`).get();
    expect(inbox).toMatchObject({ displayName: 'Inbox', isHidden: false });
    const bad = (await client
      .api(`/users/${PRO}/messages`)
      .post({ subjekt: 'typo' })
      .catch((e: unknown) => e)) as GraphError;
    expect(bad.statusCode).toBe(400);
  });
});
