import type { CombinedError } from '@urql/core';
import { useCallback, useState } from 'react';
import { useClient } from 'urql';
import { useText } from '../../../shared/i18n';
import { useToast } from '../../../shared/toast';
import type { JobSummary } from '../../jobs/graphql/job.graphql';
import { useJobProgress } from '../../jobs/hooks/use-job-progress.hook';
import { isJobFinished } from '../../jobs/job.labels';
import { ApproveAndTestMailboxesMutation, TestAndEnableMailboxesMutation } from '../graphql/mailboxes.graphql';
import { mailboxesText } from '../mailboxes.strings';

export type MailboxJobKind = 'APPROVE_AND_TEST' | 'TEST_AND_ENABLE';

type Started = { starting: boolean; job: JobSummary | null; error: CombinedError | null };

const IDLE: Started = { starting: false, job: null, error: null };

export type MailboxJobState = {
  /** The job this screen started, as it progresses; null before one starts and after `dismiss`. */
  job: JobSummary | null;
  /** From the click that starts a job until that job finishes. */
  running: boolean;
  /** Why the job could not start. */
  error: CombinedError | null;
  /** Why live progress stopped (the job goes on regardless). */
  progressError: CombinedError | null;
  start: (kind: MailboxJobKind, mailboxIds: readonly string[]) => Promise<void>;
  dismiss: () => void;
};

/** Starts Approve and test or Test and enable for some mailboxes and follows the job to its end. */
export function useMailboxJob(): MailboxJobState {
  const client = useClient();
  const t = useText(mailboxesText);
  const notify = useToast();
  const [started, setStarted] = useState<Started>(IDLE);
  const { job, error: progressError } = useJobProgress(started.job);

  const start = useCallback(
    async (kind: MailboxJobKind, mailboxIds: readonly string[]) => {
      setStarted({ ...IDLE, starting: true });
      const variables = { mailboxIds: [...mailboxIds] };
      const result =
        kind === 'APPROVE_AND_TEST'
          ? await client
              .mutation(ApproveAndTestMailboxesMutation, variables)
              .toPromise()
              .then(({ data, error }) => ({ job: data?.approveAndTestMailboxes ?? null, error: error ?? null }))
          : await client
              .mutation(TestAndEnableMailboxesMutation, variables)
              .toPromise()
              .then(({ data, error }) => ({ job: data?.testAndEnableMailboxes ?? null, error: error ?? null }));
      setStarted({ starting: false, ...result });
      if (result.job !== null) {
        notify({
          title: t('job.started', { job: t(`job.${kind}`) }),
          body: t('job.startedBody', { count: result.job.total }),
        });
      }
    },
    [client, notify, t],
  );

  const dismiss = useCallback(() => setStarted(IDLE), []);

  return {
    job,
    running: started.starting || (job !== null && !isJobFinished(job.status)),
    error: started.error,
    progressError,
    start,
    dismiss,
  };
}
