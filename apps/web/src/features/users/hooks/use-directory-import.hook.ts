import type { CombinedError } from '@urql/core';
import { useCallback, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { JobSummary } from '../../jobs/graphql/job.graphql';
import { useJobProgress } from '../../jobs/hooks/use-job-progress.hook';
import { isJobFinished } from '../../jobs/job.labels';
import { DirectoryImportReportQuery, ImportDirectoryMutation } from '../graphql/users.graphql';

/** What the worker counted, from the job's report. */
export type DirectoryImportCounts = { created: number; updated: number; unchanged: number };

export type DirectoryImportState = {
  /** The import this screen started, as it progresses; null before one starts and after `dismiss`. */
  job: JobSummary | null;
  /** From the click until the import finishes. */
  running: boolean;
  /** Known once a completed import's report has loaded. */
  counts: DirectoryImportCounts | null;
  /** Why the import could not start. */
  error: CombinedError | null;
  /** Why live progress stopped (the import goes on regardless). */
  progressError: CombinedError | null;
  start: () => Promise<void>;
  dismiss: () => void;
};

type Started = { job: JobSummary | null; error: CombinedError | null };

const IDLE: Started = { job: null, error: null };

function count(report: Record<string, unknown>, key: string): number {
  const value = report[key];
  return typeof value === 'number' ? value : 0;
}

/** Starts a directory import, follows it, and calls `onFinished` once it is over. */
export function useDirectoryImport(onFinished: () => void): DirectoryImportState {
  const [{ fetching: starting }, importDirectory] = useMutation(ImportDirectoryMutation);
  const [started, setStarted] = useState<Started>(IDLE);
  const { job, error: progressError } = useJobProgress(started.job, onFinished);
  const completed = job !== null && job.status === 'COMPLETED';
  const [{ data: reportData }] = useQuery({
    query: DirectoryImportReportQuery,
    variables: { id: job?.id ?? '' },
    pause: !completed,
    requestPolicy: 'network-only',
  });

  const start = useCallback(async () => {
    setStarted(IDLE);
    const result = await importDirectory({});
    setStarted({ job: result.data?.importDirectory ?? null, error: result.error ?? null });
  }, [importDirectory]);

  const dismiss = useCallback(() => setStarted(IDLE), []);

  const report = completed && reportData?.job?.id === job.id ? reportData.job.report : null;
  return {
    job,
    running: starting || (job !== null && !isJobFinished(job.status)),
    counts:
      report === null
        ? null
        : {
            created: count(report, 'CREATED'),
            updated: count(report, 'UPDATED'),
            unchanged: count(report, 'UNCHANGED'),
          },
    error: started.error,
    progressError,
    start,
    dismiss,
  };
}
