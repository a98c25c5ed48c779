import type { CombinedError } from '@urql/core';
import { useCallback, useMemo } from 'react';
import { useMutation, useQuery } from 'urql';
import type { RegardingType } from '../../../gql/graphql';
import {
  CreateFolderTrackingRuleMutation,
  DeleteFolderTrackingRuleMutation,
  FolderRuleRecordsQuery,
  FolderTrackingQuery,
  MailFoldersQuery,
  SetFolderTrackingMutation,
  type FolderTrackingRule,
  type MailFolder,
} from '../graphql/folder-tracking.graphql';

// The largest page the API serves; the record lists have no search yet.
const RECORDS_PER_KIND = 200;

/** A record a rule can be regarding. */
export type RuleRecord = { id: string; type: RegardingType; name: string };

type MutationState = { fetching: boolean; error: CombinedError | null };

export type FolderTrackingState = {
  rules: FolderTrackingRule[] | undefined;
  rulesError: CombinedError | null;
  folders: MailFolder[] | undefined;
  foldersError: CombinedError | null;
  records: RuleRecord[];
  recordsError: CombinedError | null;
  /** Resolves to whether the change was saved. */
  toggle: MutationState & { set: (enabled: boolean) => Promise<boolean> };
  /** Resolves to whether the rule was added. */
  create: MutationState & { run: (folderId: string, regardingId: string | null) => Promise<boolean> };
  /** Resolves to whether the rule was deleted. */
  remove: MutationState & { run: (ruleId: string) => Promise<boolean> };
};

const ONLY_NETWORK = { requestPolicy: 'network-only' } as const;

/** A mailbox's folder tracking: the switch, its rules, the folders and records rules can map. */
export function useFolderTracking(mailboxId: string): FolderTrackingState {
  const variables = useMemo(() => ({ mailboxId }), [mailboxId]);
  const [rulesResult, reexecuteRules] = useQuery({
    query: FolderTrackingQuery,
    variables,
    requestPolicy: 'cache-and-network',
  });
  const [foldersResult] = useQuery({ query: MailFoldersQuery, variables, requestPolicy: 'cache-and-network' });
  const [recordsResult] = useQuery({
    query: FolderRuleRecordsQuery,
    variables: { first: RECORDS_PER_KIND },
    requestPolicy: 'cache-and-network',
  });
  const [toggleState, setFolderTracking] = useMutation(SetFolderTrackingMutation);
  const [createState, createRule] = useMutation(CreateFolderTrackingRuleMutation);
  const [removeState, deleteRule] = useMutation(DeleteFolderTrackingRuleMutation);

  const records = useMemo((): RuleRecord[] => {
    const data = recordsResult.data;
    if (data === undefined) return [];
    return [
      ...data.opportunities.edges.map(({ node }) => ({ id: node.id, type: 'OPPORTUNITY' as const, name: node.name })),
      ...data.accounts.edges.map(({ node }) => ({ id: node.id, type: 'ACCOUNT' as const, name: node.name })),
      ...data.contacts.edges.map(({ node }) => ({
        id: node.id,
        type: 'CONTACT' as const,
        name: `${node.firstName} ${node.lastName}`,
      })),
    ];
  }, [recordsResult.data]);

  const set = useCallback(
    async (enabled: boolean) => (await setFolderTracking({ mailboxId, enabled })).error === undefined,
    [mailboxId, setFolderTracking],
  );

  const create = useCallback(
    async (folderId: string, regardingId: string | null) => {
      const result = await createRule({ mailboxId, folderId, regardingId });
      reexecuteRules(ONLY_NETWORK);
      return result.error === undefined;
    },
    [createRule, mailboxId, reexecuteRules],
  );

  const remove = useCallback(
    async (ruleId: string) => {
      const result = await deleteRule({ id: ruleId });
      reexecuteRules(ONLY_NETWORK);
      return result.error === undefined;
    },
    [deleteRule, reexecuteRules],
  );

  return {
    rules: rulesResult.data?.folderTrackingRules,
    rulesError: rulesResult.error ?? null,
    folders: foldersResult.data?.mailFolders,
    foldersError: foldersResult.error ?? null,
    records,
    recordsError: recordsResult.error ?? null,
    toggle: { fetching: toggleState.fetching, error: toggleState.error ?? null, set },
    create: { fetching: createState.fetching, error: createState.error ?? null, run: create },
    remove: { fetching: removeState.fetching, error: removeState.error ?? null, run: remove },
  };
}
