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
import { useFormat, type Formatters } from '../../../shared/format';
import { useText, type Translate } from '../../../shared/i18n';
import { useToast } from '../../../shared/toast';
import { JobProgress } from '../../jobs/components/job-progress.component';
import { JobReport } from '../../jobs/components/job-report.component';
import type { JobSummary } from '../../jobs/graphql/job.graphql';
import { useJobProgress } from '../../jobs/hooks/use-job-progress.hook';
import { isJobFinished, jobErrorText } from '../../jobs/job.labels';
import { jobsText } from '../../jobs/jobs.strings';
import { CONFIGURATION_STATUS_COLORS, NEXT_STEP_INTENTS } from '../email-configuration.labels';
import { emailConfigurationText } from '../email-configuration.strings';
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

type Summary = { intent: 'success' | 'warning' | 'error'; title: string; body: string };

function finishedSummary(
  job: JobSummary,
  t: Translate<typeof emailConfigurationText.en>,
  jobs: Translate<typeof jobsText.en>,
  format: Formatters,
): Summary {
  if (job.status === 'FAILED') {
    return {
      intent: 'error',
      title: t('finished.stopped'),
      body: jobErrorText(job, jobs) ?? t('finished.stoppedBody'),
    };
  }
  const finished =
    job.finishedAt === null ? t('finished.plain') : t('finished.when', { when: format.dateTime(job.finishedAt) });
  if (job.failed > 0) {
    return {
      intent: 'warning',
      title: t('finished.withFailures'),
      body: `${finished} ${t('finished.failuresBody', {
        failed: format.number(job.failed),
        total: format.number(job.total),
        count: job.total,
      })}`,
    };
  }
  return { intent: 'success', title: t('finished.done'), body: `${finished} ${t('finished.doneBody')}` };
}

export function ConfigureEmailPage() {
  const styles = useStyles();
  const t = useText(emailConfigurationText);
  const format = useFormat();
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
  const notify = useToast();
  const onFinished = useCallback(
    (finished: JobSummary) => {
      refetchConfiguration({ requestPolicy: 'network-only' });
      // A stop or failed tests are told by the message bar below, where they can be read.
      if (finished.status === 'COMPLETED' && finished.failed === 0) notify({ title: t('toast.done') });
    },
    [refetchConfiguration, notify, t],
  );
  const { job, error: progressError } = useJobProgress(started, onFinished);
  const running = job !== null && !isJobFinished(job.status);

  async function handleConfigure() {
    const started = await configureEmail({});
    if (started.data) notify({ title: t('toast.started'), body: t('toast.startedBody'), intent: 'info' });
    // Starting detects Exchange Online again, which can change the status whether it worked or not.
    refetchConfiguration({ requestPolicy: 'network-only' });
  }

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.intro}>
        <Title1 as="h1" id={headingId} className={styles.heading}>
          {t('heading')}
        </Title1>
        <Body1>{t('intro')}</Body1>
      </div>

      {configuration.error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t('loadFailed')}</MessageBarTitle>
            {errorMessage(configuration.error)}
          </MessageBarBody>
        </MessageBar>
      )}
      {state === undefined && configuration.fetching && <Spinner label={t('loading')} />}

      {state !== undefined && (
        <>
          <div className={styles.section}>
            <div className={styles.status}>
              <Text weight="semibold">{t('status')}</Text>
              <Badge appearance="tint" size="large" color={CONFIGURATION_STATUS_COLORS[state.status]}>
                {t(`status.${state.status}`)}
              </Badge>
              {state.configuredAt !== null && <Text>{t('since', { when: format.dateTime(state.configuredAt) })}</Text>}
            </div>
            {/* A new bar per status (and language): Fluent picks one line or several when the bar
                mounts and again only when its box resizes, so a longer text in the same bar stayed
                on one line and ran off the page. */}
            <MessageBar key={`${state.status}-${t('nextStep')}`} intent={NEXT_STEP_INTENTS[state.status]}>
              <MessageBarBody>
                <MessageBarTitle>{t('nextStep')}</MessageBarTitle>
                {/* The API's nextStep is this status's step, in English; the bundle has it in every language. */}
                {t(`nextStep.${state.status}`)}
              </MessageBarBody>
            </MessageBar>

            <div className={styles.actions}>
              <Button appearance="primary" onClick={handleConfigure} disabled={running || configureState.fetching}>
                {t('configure')}
              </Button>
              {configureState.fetching && <Spinner size="tiny" label={t('detecting')} />}
            </div>
            {configureState.error && (
              <MessageBar intent="error">
                <MessageBarBody>
                  <MessageBarTitle>{t('configureFailed')}</MessageBarTitle>
                  {errorMessage(configureState.error)}
                </MessageBarBody>
              </MessageBar>
            )}
            {progressError && (
              <MessageBar intent="warning">
                <MessageBarBody>
                  <MessageBarTitle>{t('progressStopped')}</MessageBarTitle>
                  {t('progressStoppedBody')}
                </MessageBarBody>
              </MessageBar>
            )}
            {job !== null && running && (
              <JobProgress
                label={t('progressLabel')}
                description={
                  job.total > 0
                    ? t('progressCount', {
                        done: format.number(job.done),
                        total: format.number(job.total),
                        count: job.total,
                      })
                    : t('progressStarting')
                }
                job={job}
              />
            )}
            {job !== null && !running && <FinishedSummary job={job} />}
          </div>

          {job !== null && !running && (
            <section className={styles.section} aria-labelledby={reportHeadingId}>
              <Subtitle1 as="h2" id={reportHeadingId} className={styles.heading}>
                {t('reportHeading')}
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
  const t = useText(emailConfigurationText);
  const jobs = useText(jobsText);
  const format = useFormat();
  const summary = finishedSummary(job, t, jobs, format);
  return (
    <MessageBar intent={summary.intent}>
      <MessageBarBody>
        <MessageBarTitle>{summary.title}</MessageBarTitle>
        {summary.body}
      </MessageBarBody>
    </MessageBar>
  );
}
