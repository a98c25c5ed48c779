import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { errorMessage } from '../../../shared/error-message';
import { JobProgress } from '../../jobs/components/job-progress.component';
import { isJobFinished } from '../../jobs/job.labels';
import type { DirectoryImportCounts, DirectoryImportState } from '../hooks/use-directory-import.hook';

function users(count: number): string {
  return `${count} ${count === 1 ? 'user' : 'users'}`;
}

function summary({ created, updated, unchanged }: DirectoryImportCounts): string {
  return `${created} created, ${updated} updated, ${unchanged} unchanged.`;
}

type DirectoryImportStatusProps = Pick<DirectoryImportState, 'job' | 'counts' | 'error' | 'progressError' | 'dismiss'>;

/** Where a directory import stands: why it did not start, its progress, what it changed. */
export function DirectoryImportStatus({ job, counts, error, progressError, dismiss }: DirectoryImportStatusProps) {
  if (error) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>Could not start the import</MessageBarTitle>
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
          label="Importing from the directory"
          description={job.total > 0 ? `${job.done} of ${users(job.total)}` : 'Reading the tenant’s directory…'}
          job={job}
        />
        {progressError && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>Live progress stopped</MessageBarTitle>
              The import goes on in the background. Reload the page in a moment to see the users it brought in.
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
        <MessageBarTitle>{failed ? 'Directory import failed' : 'Directory import finished'}</MessageBarTitle>
        {failed
          ? (job.error ?? 'The import did not finish. Import from the directory again.')
          : counts === null
            ? `${users(job.total)} read from the directory.`
            : summary(counts)}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label="Close import summary"
            icon={<DismissRegular />}
            onClick={dismiss}
          />
        }
      />
    </MessageBar>
  );
}
