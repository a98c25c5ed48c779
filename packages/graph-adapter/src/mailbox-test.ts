import { GraphAdapterError, graphFailure, type GraphFailure, type GraphFailureKind } from './graph-errors.ts';
import { PERMISSIONS, rolesSatisfy, type PermissionNeed } from './graph-permissions.ts';
import { segment, type GraphContext } from './graph-transport.ts';

/** A failure a mailbox test can report: any but CURSOR_EXPIRED, since no test reads a delta. */
export type MailboxTestFailure = GraphFailure & { kind: Exclude<GraphFailureKind, 'CURSOR_EXPIRED'> };

/** The outcome of one channel's test. */
export type ChannelTestResult = { ok: true } | { ok: false; failure: MailboxTestFailure };

/** The three channels Approve and test checks (PRODUCT.md §3). */
export interface MailboxTestResult {
  /** The inbox is reachable with the profile's credentials. */
  incoming: ChannelTestResult;
  /** The app holds Mail.Send and the mailbox is reachable. */
  outgoing: ChannelTestResult;
  /** Calendar, contacts and To Do are all reachable. */
  act: ChannelTestResult;
}

/**
 * Tests a mailbox without changing it. Failures are classified, never thrown, so each channel
 * gets its own status; only an error outside the closed set would throw.
 */
export async function testMailbox(context: GraphContext, mailbox: string): Promise<MailboxTestResult> {
  const user = `/users/${segment(mailbox)}`;
  const reach = (url: string, permission: PermissionNeed) => () =>
    context.transport.execute<unknown>({ method: 'GET', url, query: { $select: 'id' }, mailbox, permission });
  const list = (url: string, permission: PermissionNeed) => () =>
    context.transport.execute<unknown>({ method: 'GET', url, query: { $select: 'id', $top: 1 }, mailbox, permission });

  const [incoming, outgoing, act] = await Promise.all([
    channel([reach(`${user}/mailFolders/inbox`, PERMISSIONS.mailRead)]),
    channel([
      async () => {
        const roles = await context.transport.currentRoles();
        // A token whose roles cannot be read gets the benefit of the doubt; the send itself will tell.
        if (roles !== undefined && !rolesSatisfy(roles, PERMISSIONS.mailSend)) {
          throw new GraphAdapterError(
            graphFailure('PERMISSION_MISSING', {
              status: null,
              code: null,
              permission: PERMISSIONS.mailSend.permission,
            }),
            { detail: 'the access token does not carry Mail.Send' },
          );
        }
      },
      reach(`${user}/mailFolders/sentitems`, PERMISSIONS.mailRead),
    ]),
    channel([
      list(`${user}/events`, PERMISSIONS.calendarsRead),
      list(`${user}/contactFolders/contacts/contacts`, PERMISSIONS.contactsRead),
      list(`${user}/todo/lists`, PERMISSIONS.tasksRead),
    ]),
  ]);
  return { incoming, outgoing, act };
}

/** Runs the checks in order; the first failure is the channel's result. */
async function channel(checks: ReadonlyArray<() => Promise<unknown>>): Promise<ChannelTestResult> {
  for (const check of checks) {
    try {
      await check();
    } catch (error) {
      if (error instanceof GraphAdapterError && isTestFailure(error.failure))
        return { ok: false, failure: error.failure };
      throw error;
    }
  }
  return { ok: true };
}

function isTestFailure(failure: GraphFailure): failure is MailboxTestFailure {
  return failure.kind !== 'CURSOR_EXPIRED';
}
