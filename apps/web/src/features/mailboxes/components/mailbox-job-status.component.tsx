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
import { useText, type Translate } from '../../../shared/i18n';
import { JobProgress } from '../../jobs/components/job-progress.component';
import type { JobSummary } from '../../jobs/graphql/job.graphql';
import { isJobFinished, jobErrorText } from '../../jobs/job.labels';
import { jobsText } from '../../jobs/jobs.strings';
import type { MailboxJobState } from '../hooks/use-mailbox-job.hook';
import { mailboxesText } from '../mailboxes.strings';

type Text = Translate<(typeof mailboxesText)['en']>;

function jobLabel(t: Text, kind: JobSummary['kind']): string {
  return kind === 'APPROVE_AND_TEST' || kind === 'TEST_AND_ENABLE' ? t(`job.${kind}`) : t('job.other');
}

function outcome(
  t: Text,
  jobs: Translate<(typeof jobsText)['en']>,
  job: JobSummary,
): { intent: NonNullable<MessageBarProps['intent']>; title: string; body: string } {
  const enableOnly = job.kind === 'TEST_AND_ENABLE';
  if (job.status === 'FAILED') {
    return { intent: 'error', title: t('job.stopped'), body: jobErrorText(job, jobs) ?? t('job.stoppedBody') };
  }
  if (job.failed === 0) {
    return {
      intent: 'success',
      title: t('job.allPassed', { count: job.total }),
      body: t(enableOnly ? 'job.allEnabled' : 'job.allApproved', { count: job.total }),
    };
  }
  const passed = job.total - job.failed;
  return {
    intent: 'warning',
    title: t('job.someFailed', { failed: job.failed, count: job.total }),
    body:
      (passed > 0 ? `${t(enableOnly ? 'job.someEnabled' : 'job.someApproved', { count: passed })} ` : '') +
      t('job.failedHint'),
  };
}

type MailboxJobStatusProps = Pick<MailboxJobState, 'job' | 'error' | 'progressError' | 'dismiss'>;

/** Where an Approve and test or Test and enable job stands: why it did not start, its progress, its outcome. */
export function MailboxJobStatus({ job, error, progressError, dismiss }: MailboxJobStatusProps) {
  const t = useText(mailboxesText);
  const jobs = useText(jobsText);
  if (error) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>{t('job.startFailed')}</MessageBarTitle>
          {errorMessage(error)}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (job === null) return null;
  const label = jobLabel(t, job.kind);
  if (!isJobFinished(job.status)) {
    return (
      <>
        <JobProgress label={label} description={t('job.progress', { done: job.done, count: job.total })} job={job} />
        {progressError && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>{t('job.progressStopped')}</MessageBarTitle>
              {t('job.progressStoppedBody')}
            </MessageBarBody>
          </MessageBar>
        )}
      </>
    );
  }
  const { intent, title, body } = outcome(t, jobs, job);
  return (
    <MessageBar intent={intent}>
      <MessageBarBody>
        <MessageBarTitle>{t('job.outcome', { job: label, outcome: title })}</MessageBarTitle>
        {body}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" aria-label={t('close')} icon={<DismissRegular />} onClick={dismiss} />
        }
      />
    </MessageBar>
  );
}
