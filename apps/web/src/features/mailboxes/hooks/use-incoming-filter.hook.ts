import type { CombinedError } from '@urql/core';
import { useCallback } from 'react';
import { useMutation } from 'urql';
import type { IncomingFilter } from '../../../gql/graphql';
import { UpdateMailboxMutation } from '../graphql/mailbox.graphql';

export type IncomingFilterState = {
  saving: boolean;
  error: CombinedError | null;
  /** Resolves to the filter the API saved, or null when it refused. */
  save: (filter: IncomingFilter) => Promise<IncomingFilter | null>;
};

/** Changes which incoming email of a mailbox becomes CRM email (its owner or an administrator). */
export function useIncomingFilter(mailboxId: string): IncomingFilterState {
  const [state, updateMailbox] = useMutation(UpdateMailboxMutation);

  const save = useCallback(
    async (incomingFilter: IncomingFilter) => {
      const result = await updateMailbox({ id: mailboxId, input: { incomingFilter } });
      return result.data?.updateMailbox.incomingFilter ?? null;
    },
    [mailboxId, updateMailbox],
  );

  return { saving: state.fetching, error: state.error ?? null, save };
}
