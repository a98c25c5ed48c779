import type { Message } from '@microsoft/microsoft-graph-types';
import { deltaPages, type DeltaOptions, type DeltaPage } from './delta-pages.ts';
import { PERMISSIONS } from './graph-permissions.ts';
import { segment, type GraphContext } from './graph-transport.ts';
import { EXPAND_MAILROOM_ID, MESSAGE_FIELDS } from './mail-messages.ts';

export interface MessageDeltaOptions extends DeltaOptions {
  /** Only messages received at or after this instant (the profile's "process email received after"). */
  receivedAfter?: Date;
}

/**
 * Message delta for one folder (an id or a well-known name such as `inbox`, `sentitems`).
 * Messages carry immutable ids and, in `singleValueExtendedProperties`, Mailroom's id when
 * Mailroom sent them. A message moved out of the folder is in `removedIds`; it reappears as a
 * new item in the target folder's delta.
 */
export function messageDelta(
  context: GraphContext,
  mailbox: string,
  folder: string,
  options: MessageDeltaOptions = {},
): AsyncGenerator<DeltaPage<Message>, void, undefined> {
  return deltaPages<Message>(context, {
    mailbox,
    permission: PERMISSIONS.mailRead,
    first: {
      url: `/users/${segment(mailbox)}/mailFolders/${segment(folder)}/messages/delta`,
      query: {
        $select: MESSAGE_FIELDS.join(','),
        $expand: EXPAND_MAILROOM_ID,
        $filter:
          options.receivedAfter === undefined
            ? undefined
            : `receivedDateTime ge ${options.receivedAfter.toISOString()}`,
      },
    },
    options,
  });
}
