import type { CombinedError } from '@urql/core';
import { useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { JobProgressSubscription, type JobSummary } from '../graphql/job.graphql';
import { isJobFinished } from '../job.labels';

type JobProgressState = { job: JobSummary | null; error: CombinedError | null };

/**
 * `job` as it moves on: follows `jobProgress` until the job completes or fails, then calls
 * `onFinished` once with its final state. A job that has already finished is returned as given.
 */
export function useJobProgress(job: JobSummary | null, onFinished?: (job: JobSummary) => void): JobProgressState {
  const client = useClient();
  const [live, setLive] = useState<{ jobId: string; job: JobSummary | null; error: CombinedError | null } | null>(null);
  const onFinishedRef = useRef(onFinished);
  useEffect(() => {
    onFinishedRef.current = onFinished;
  }, [onFinished]);

  const jobId = job?.id ?? null;
  const finished = job !== null && isJobFinished(job.status);

  useEffect(() => {
    if (jobId === null || finished) return;
    // The first result may arrive before `subscribe` returns its `unsubscribe`.
    const stream = { closed: false, unsubscribe: () => {} };
    const close = () => {
      if (stream.closed) return;
      stream.closed = true;
      stream.unsubscribe();
    };
    const { unsubscribe } = client.subscription(JobProgressSubscription, { jobId }).subscribe(({ data, error }) => {
      const next = data?.jobProgress ?? null;
      setLive((previous) => ({
        jobId,
        job: next ?? (previous?.jobId === jobId ? previous.job : null),
        error: error ?? null,
      }));
      // A job that finished before this subscribed gets no further event to end the stream on.
      if (next !== null && isJobFinished(next.status)) {
        close();
        onFinishedRef.current?.(next);
      }
    });
    stream.unsubscribe = unsubscribe;
    if (stream.closed) unsubscribe();
    return close;
  }, [client, jobId, finished]);

  if (job === null || finished || live?.jobId !== job.id) return { job, error: null };
  return { job: live.job ?? job, error: live.error };
}
