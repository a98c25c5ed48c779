import { Field, ProgressBar } from '@fluentui/react-components';
import type { JobSummary } from '../graphql/job.graphql';

type JobProgressProps = {
  /** What the job does, e.g. "Configuring email". */
  label: string;
  /** Where it stands, e.g. "3 of 5 mailboxes". */
  description: string;
  job: Pick<JobSummary, 'done' | 'total'>;
};

/** A running job's progress; indeterminate until the job knows how much there is to do. */
export function JobProgress({ label, description, job }: JobProgressProps) {
  return (
    <Field label={label} hint={{ children: description, 'aria-live': 'polite' }}>
      <ProgressBar value={job.total > 0 ? job.done / job.total : undefined} thickness="large" />
    </Field>
  );
}
