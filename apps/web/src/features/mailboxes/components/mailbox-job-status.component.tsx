import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  type MessageBarProps,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { errorMessage } from '../../../shared/error-message';
import { JobProgress } from '../../jobs/components/job-progress.component';
import type { JobSummary } from '../../jobs/graphql/job.graphql';
import { isJobFinished } from '../../jobs/job.labels';
import type { MailboxJobState } from '../hooks/use-mailbox-job.hook';

const JOB_LABELS: Partial<Record<JobSummary['kind'], string>> = {
  APPROVE_AND_TEST: 'Approve and test',
  TEST_AND_ENABLE: 'Test and enable',
};

function mailboxes(count: number): string {
  return `${count} ${count === 1 ? 'mailbox' : 'mailboxes'}`;
}

function outcome(job: JobSummary): { intent: NonNullable<MessageBarProps['intent']>; title: string; body: string } {
  const enabled = job.kind === 'TEST_AND_ENABLE' ? 'tested and enabled' : 'approved, tested and enabled';
  if (job.status === 'FAILED') {
    return {
      intent: 'error',
      title: 'The tests stopped before the end',
      body: job.error ?? 'Some mailboxes were not tested. Run the tests again.',
    };
  }
  if (job.failed === 0) {
    return {
      intent: 'success',
      title: job.total === 1 ? 'The mailbox passed' : `All ${mailboxes(job.total)} passed`,
      body: `${job.total === 1 ? 'It is' : 'They are'} ${enabled}.`,
    };
  }
  const passed = job.total - job.failed;
  return {
    intent: 'warning',
    title: `${job.failed} of ${mailboxes(job.total)} failed`,
    body:
      (passed > 0 ? `${passed === 1 ? 'One is' : `${passed} are`} ${enabled}. ` : '') +
      'A failed mailbox shows Failure; open it to see its alerts and how to fix them.',
  };
}

type MailboxJobStatusProps = Pick<MailboxJobState, 'job' | 'error' | 'progressError' | 'dismiss'>;

/** Where an Approve and test or Test and enable job stands: why it did not start, its progress, its outcome. */
export function MailboxJobStatus({ job, error, progressError, dismiss }: MailboxJobStatusProps) {
  if (error) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>Could not start the tests</MessageBarTitle>
          {errorMessage(error)}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (job === null) return null;
  const label = JOB_LABELS[job.kind] ?? 'Testing mailboxes';
  if (!isJobFinished(job.status)) {
    return (
      <>
        <JobProgress label={label} description={`Testing ${job.done} of ${mailboxes(job.total)}…`} job={job} />
        {progressError && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>Live progress stopped</MessageBarTitle>
              The tests go on in the background; the statuses show where each mailbox stands.
            </MessageBarBody>
          </MessageBar>
        )}
      </>
    );
  }
  const { intent, title, body } = outcome(job);
  return (
    <MessageBar intent={intent}>
      <MessageBarBody>
        <MessageBarTitle>
          {label}: {title}
        </MessageBarTitle>
        {body}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" aria-label="Close" icon={<DismissRegular />} onClick={dismiss} />
        }
      />
    </MessageBar>
  );
}
