import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { errorMessage } from '../../../shared/error-message';
import { useText } from '../../../shared/i18n';
import { JobProgress } from '../../jobs/components/job-progress.component';
import { isJobFinished, jobErrorText } from '../../jobs/job.labels';
import { jobsText } from '../../jobs/jobs.strings';
import type { DirectoryImportState } from '../hooks/use-directory-import.hook';
import { usersText } from '../users.strings';

type DirectoryImportStatusProps = Pick<DirectoryImportState, 'job' | 'counts' | 'error' | 'progressError' | 'dismiss'>;

/** Where a directory import stands: why it did not start, its progress, what it changed. */
export function DirectoryImportStatus({ job, counts, error, progressError, dismiss }: DirectoryImportStatusProps) {
  const t = useText(usersText);
  const jobs = useText(jobsText);
  if (error) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>{t('import.startFailed')}</MessageBarTitle>
          {errorMessage(error)}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (job === null) return null;
  if (!isJobFinished(job.status)) {
    return (
      <>
        <JobProgress
          label={t('import.running')}
          description={job.total > 0 ? t('import.progress', { done: job.done, count: job.total }) : t('import.reading')}
          job={job}
        />
        {progressError && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>{t('import.progressStopped')}</MessageBarTitle>
              {t('import.progressStoppedBody')}
            </MessageBarBody>
          </MessageBar>
        )}
      </>
    );
  }
  const failed = job.status === 'FAILED';
  return (
    <MessageBar intent={failed ? 'error' : 'success'}>
      <MessageBarBody>
        <MessageBarTitle>{failed ? t('import.failed') : t('import.finished')}</MessageBarTitle>
        {failed
          ? (jobErrorText(job, jobs) ?? t('import.failedBody'))
          : counts === null
            ? t('import.read', { count: job.total })
            : t('import.summary', { ...counts })}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" aria-label={t('import.close')} icon={<DismissRegular />} onClick={dismiss} />
        }
      />
    </MessageBar>
  );
}
