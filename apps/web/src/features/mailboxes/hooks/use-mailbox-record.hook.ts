import type { CombinedError } from '@urql/core';
import { useEffect, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { MailboxChangedSubscription, MailboxQuery, type MailboxPageRecord } from '../graphql/mailbox.graphql';

export type MailboxRecordState = {
  /** Null when the mailbox does not exist or the user may not see it. */
  mailbox: MailboxPageRecord | null | undefined;
  loading: boolean;
  error: CombinedError | null;
  liveError: CombinedError | null;
};

/** One mailbox with its open alerts and sync history, read again each time `mailboxStatusChanged` says it changed. */
export function useMailboxRecord(id: string): MailboxRecordState {
  const client = useClient();
  // Nothing listens while the page is away: a return shows the cached record at once, then the current one.
  const [result, reexecute] = useQuery({ query: MailboxQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const [liveError, setLiveError] = useState<CombinedError | null>(null);

  useEffect(() => {
    // The event only says which mailbox changed: the API may serve a subscription's alerts from
    // what it read for an earlier event, so the record and its alerts are read afresh.
    const { unsubscribe } = client.subscription(MailboxChangedSubscription, {}).subscribe(({ data, error }) => {
      setLiveError(error ?? null);
      if (data?.mailboxStatusChanged.id === id) reexecute({ requestPolicy: 'network-only' });
    });
    return unsubscribe;
  }, [client, id, reexecute]);

  const mailbox = result.data?.mailbox;
  return {
    mailbox,
    loading: mailbox === undefined && result.fetching,
    error: result.error ?? null,
    liveError,
  };
}
