import { randomUUID } from 'node:crypto';
import type { ExchangeGateway, MailDeltaPage, MailMessage } from '../exchange-gateway.ts';

/** A plain inbox message from an outside sender, as the adapter hands it to the sync. */
export function inboxMessage(id = randomUUID()): MailMessage {
  return {
    id,
    internetMessageId: `<${id}@fabrikam.example>`,
    conversationId: null,
    folderId: 'inbox-id',
    subject: 'Hello',
    from: { address: 'fiona@fabrikam.example', name: null },
    to: [],
    cc: [],
    bcc: [],
    receivedAt: new Date(),
    sentAt: new Date(),
    body: { contentType: 'text', content: 'hi' },
    preview: 'hi',
    categories: [],
    isDraft: false,
    mailroomId: null,
  };
}

/**
 * Exchange as a script, for the sync runners' tests: each folder's delta is a function of the
 * cursor it is asked for; no message has an In-Reply-To.
 */
export function scriptedExchange(
  delta: (folder: string, cursor: string | undefined) => AsyncGenerator<MailDeltaPage>,
): ExchangeGateway {
  return {
    messageDelta: (_mailbox: string, folder: string, options?: { cursor?: string }) => delta(folder, options?.cursor),
    inReplyTo: async () => new Map<string, string | null>(),
  } as unknown as ExchangeGateway;
}
