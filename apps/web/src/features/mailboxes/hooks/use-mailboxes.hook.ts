import type { CombinedError } from '@urql/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useClient } from 'urql';
import { useConnectionPages } from '../../../shared/use-connection-pages.hook';
import type { DocumentType } from '../../../gql';
import type { MailboxFilter } from '../../../gql/graphql';
import { MailboxesQuery, MailboxStatusChangedSubscription, type MailboxRow } from '../graphql/mailboxes.graphql';

const PAGE_SIZE = 50;

// New mailboxes arrive in bursts (Configure email creates them all at once): one refetch per burst.
const REFETCH_DELAY_MS = 500;

const select = (data: DocumentType<typeof MailboxesQuery>) => data.mailboxes;

export type MailboxesState = {
  rows: MailboxRow[];
  totalCount: number | null;
  hasNextPage: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: CombinedError | null;
  liveError: CombinedError | null;
  loadMore: () => void;
  refresh: () => void;
};

/**
 * The filtered mailbox list, page by page, kept current by `mailboxStatusChanged`: a change to a
 * listed mailbox patches its row; a mailbox not listed yet makes the first page load again.
 */
export function useMailboxes(filter: MailboxFilter): MailboxesState {
  const client = useClient();
  const variables = useMemo(() => ({ first: PAGE_SIZE, filter }), [filter]);
  const pages = useConnectionPages(MailboxesQuery, variables, select);
  const [live, setLive] = useState<ReadonlyMap<string, MailboxRow>>(() => new Map());
  const [liveError, setLiveError] = useState<CombinedError | null>(null);
  const { refresh } = pages;

  // Events arrive in order, so the latest one is never older than a fetched row.
  const rows = useMemo(() => pages.rows.map((row) => live.get(row.id) ?? row), [pages.rows, live]);

  // The subscription outlives renders; it reads what is on screen through this ref.
  const latest = useRef({ ids: new Set<string>(), refresh });
  useEffect(() => {
    latest.current = { ids: new Set(rows.map((row) => row.id)), refresh };
  }, [rows, refresh]);

  useEffect(() => {
    let timer: number | undefined;
    const { unsubscribe } = client.subscription(MailboxStatusChangedSubscription, {}).subscribe(({ data, error }) => {
      setLiveError(error ?? null);
      if (data === undefined) return;
      const mailbox = data.mailboxStatusChanged;
      setLive((previous) => new Map(previous).set(mailbox.id, mailbox));
      if (!latest.current.ids.has(mailbox.id) && timer === undefined) {
        timer = window.setTimeout(() => {
          timer = undefined;
          latest.current.refresh();
        }, REFETCH_DELAY_MS);
      }
    });
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [client]);

  return { ...pages, rows, liveError };
}
