import {
  Badge,
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  Text,
  Title1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useId } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '../../../shared/error-message';
import { formatDateTime } from '../../../shared/format-date-time';
import { JobProgress } from '../../jobs/components/job-progress.component';
import { JobReport } from '../../jobs/components/job-report.component';
import type { JobSummary } from '../../jobs/graphql/job.graphql';
import { useJobProgress } from '../../jobs/hooks/use-job-progress.hook';
import { isJobFinished } from '../../jobs/job.labels';
import {
  CONFIGURATION_STATUS_COLORS,
  CONFIGURATION_STATUS_LABELS,
  NEXT_STEP_INTENTS,
} from '../email-configuration.labels';
import { ConfigureEmailMutation, EmailConfigurationQuery } from '../graphql/email-configuration.graphql';
import { Microsoft365Connection } from './microsoft-365-connection.component';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, maxWidth: '1040px' },
  intro: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

function finishedSummary(job: JobSummary): { intent: 'success' | 'warning' | 'error'; title: string; body: string } {
  const when = job.finishedAt === null ? '' : ` on ${formatDateTime(job.finishedAt)}`;
  if (job.status === 'FAILED') {
    return {
      intent: 'error',
      title: 'Configure email stopped',
      body: job.error ?? 'The configuration did not finish. Run Configure email again.',
    };
  }
  if (job.failed > 0) {
    return {
      intent: 'warning',
      title: 'Configure email finished with failures',
      body: `Finished${when}. ${job.failed} of ${job.total} ${job.total === 1 ? 'mailbox' : 'mailboxes'} failed a test; the report below and each mailbox’s alerts say why.`,
    };
  }
  return {
    intent: 'success',
    title: 'Configure email finished',
    body: `Finished${when}. The report below shows what happened to each mailbox.`,
  };
}

export function ConfigureEmailPage() {
  const styles = useStyles();
  const headingId = useId();
  const reportHeadingId = useId();
  // Configure email also runs from other sessions and in the background: always ask for the current state.
  const [configuration, refetchConfiguration] = useQuery({
    query: EmailConfigurationQuery,
    requestPolicy: 'cache-and-network',
  });
  const [configureState, configureEmail] = useMutation(ConfigureEmailMutation);

  const state = configuration.data?.emailConfiguration;
  // The job this page started, or else the latest one, which may still be running after a reload.
  const started = configureState.data?.configureEmail ?? state?.lastJob ?? null;
  const onFinished = useCallback(() => refetchConfiguration({ requestPolicy: 'network-only' }), [refetchConfiguration]);
  const { job, error: progressError } = useJobProgress(started, onFinished);
  const running = job !== null && !isJobFinished(job.status);

  async function handleConfigure() {
    await configureEmail({});
    // Starting detects Exchange Online again, which can change the status whether it worked or not.
    refetchConfiguration({ requestPolicy: 'network-only' });
  }

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.intro}>
        <Title1 as="h1" id={headingId} className={styles.heading}>
          Configure email
        </Title1>
        <Body1>
          Configure email sets Exchange Online as the email server, turns on server-side synchronisation for incoming
          and outgoing email, appointments, contacts and tasks, and approves, tests and enables the mailboxes of users
          who qualify. Running it again changes nothing that is already in place.
        </Body1>
      </div>

      {configuration.error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Could not load the email configuration</MessageBarTitle>
            {errorMessage(configuration.error)}
          </MessageBarBody>
        </MessageBar>
      )}
      {state === undefined && configuration.fetching && <Spinner label="Loading the email configuration" />}

      {state !== undefined && (
        <>
          <div className={styles.section}>
            <div className={styles.status}>
              <Text weight="semibold">Status</Text>
              <Badge appearance="tint" size="large" color={CONFIGURATION_STATUS_COLORS[state.status]}>
                {CONFIGURATION_STATUS_LABELS[state.status]}
              </Badge>
              {state.configuredAt !== null && <Text>since {formatDateTime(state.configuredAt)}</Text>}
            </div>
            <MessageBar intent={NEXT_STEP_INTENTS[state.status]}>
              <MessageBarBody>
                <MessageBarTitle>Next step</MessageBarTitle>
                {state.nextStep}
              </MessageBarBody>
            </MessageBar>

            <div className={styles.actions}>
              <Button appearance="primary" onClick={handleConfigure} disabled={running || configureState.fetching}>
                Configure email
              </Button>
              {configureState.fetching && <Spinner size="tiny" label="Detecting Exchange Online…" />}
            </div>
            {configureState.error && (
              <MessageBar intent="error">
                <MessageBarBody>
                  <MessageBarTitle>Could not configure email</MessageBarTitle>
                  {errorMessage(configureState.error)}
                </MessageBarBody>
              </MessageBar>
            )}
            {progressError && (
              <MessageBar intent="warning">
                <MessageBarBody>
                  <MessageBarTitle>Live progress stopped</MessageBarTitle>
                  Configure email goes on in the background. Reload the page to see where it stands.
                </MessageBarBody>
              </MessageBar>
            )}
            {job !== null && running && (
              <JobProgress
                label="Configuring email"
                description={
                  job.total > 0
                    ? `${job.done} of ${job.total} ${job.total === 1 ? 'mailbox' : 'mailboxes'}`
                    : 'Setting up the email server profile and mailboxes…'
                }
                job={job}
              />
            )}
            {job !== null && !running && <FinishedSummary job={job} />}
          </div>

          {job !== null && !running && (
            <section className={styles.section} aria-labelledby={reportHeadingId}>
              <Subtitle1 as="h2" id={reportHeadingId} className={styles.heading}>
                Mailbox report
              </Subtitle1>
              <JobReport key={job.id} jobId={job.id} kind={job.kind} labelledBy={reportHeadingId} />
            </section>
          )}

          <Microsoft365Connection configuration={state} />
        </>
      )}
    </section>
  );
}

function FinishedSummary({ job }: { job: JobSummary }) {
  const summary = finishedSummary(job);
  return (
    <MessageBar intent={summary.intent}>
      <MessageBarBody>
        <MessageBarTitle>{summary.title}</MessageBarTitle>
        {summary.body}
      </MessageBarBody>
    </MessageBar>
  );
}
