import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import { useParams } from 'react-router';
import { errorMessage } from '../../../shared/error-message';
import { useFormat } from '../../../shared/format';
import { useText, type Translate } from '../../../shared/i18n';
import { useMe } from '../../session/hooks/use-me.hook';
import type { MailboxPageRecord, MailboxRecord } from '../graphql/mailbox.graphql';
import { useMailboxJob } from '../hooks/use-mailbox-job.hook';
import { useMailboxRecord } from '../hooks/use-mailbox-record.hook';
import { mailboxesText } from '../mailboxes.strings';
import { FolderTrackingSection } from './folder-tracking.component';
import { IncomingFilterSection } from './incoming-filter.component';
import { MailboxAlerts } from './mailbox-alerts.component';
import { MailboxJobStatus } from './mailbox-job-status.component';
import { SyncHistory } from './sync-history.component';
import { TestStatusBadge } from './test-status-badge.component';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, maxWidth: '960px' },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, overflowWrap: 'anywhere' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  details: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
});

function ownerText(t: Translate<(typeof mailboxesText)['en']>, mailbox: MailboxRecord): string {
  if (mailbox.owner === null)
    return mailbox.queueName === null ? t('queue') : t('queueNamed', { name: mailbox.queueName });
  return `${mailbox.owner.displayName} (${mailbox.owner.primaryEmail})`;
}

export function MailboxPage() {
  const { id = '' } = useParams();
  // Another mailbox is another page: nothing started or seen on this one carries over.
  return <MailboxRecordView key={id} id={id} />;
}

function MailboxRecordView({ id }: { id: string }) {
  const styles = useStyles();
  const t = useText(mailboxesText);
  const format = useFormat();
  const headingId = useId();
  const { mailbox, loading, error, liveError } = useMailboxRecord(id);
  const { me, isAdministrator } = useMe();
  const mailboxJob = useMailboxJob();
  const isOwner = me !== null && mailbox?.owner?.id === me.id;

  if (mailbox === undefined) {
    return (
      <section className={styles.root} aria-labelledby={headingId}>
        <Title1 as="h1" id={headingId} className={styles.heading}>
          {t('record.title')}
        </Title1>
        {loading && <Spinner label={t('record.loading')} />}
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{t('record.loadFailed')}</MessageBarTitle>
              {errorMessage(error)}
            </MessageBarBody>
          </MessageBar>
        )}
      </section>
    );
  }

  if (mailbox === null) {
    return (
      <section className={styles.root} aria-labelledby={headingId}>
        <Title1 as="h1" id={headingId} className={styles.heading}>
          {t('record.notFound')}
        </Title1>
        <Body1>{t('record.notFoundBody')}</Body1>
      </section>
    );
  }

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.header}>
        <Title1 as="h1" id={headingId} className={styles.heading}>
          {mailbox.emailAddress}
        </Title1>
        {isAdministrator && (
          <div>
            <Button
              appearance="primary"
              disabled={mailboxJob.running}
              onClick={() => void mailboxJob.start('APPROVE_AND_TEST', [mailbox.id])}
            >
              {t('record.approveAndTest')}
            </Button>
          </div>
        )}
      </div>

      <MailboxJobStatus {...mailboxJob} />
      {liveError && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t('liveStopped')}</MessageBarTitle>
            {t('liveStoppedRecord')}
          </MessageBarBody>
        </MessageBar>
      )}

      <dl className={styles.details}>
        <dt className={styles.term}>{t('record.owner')}</dt>
        <dd className={styles.value}>{ownerText(t, mailbox)}</dd>
        <dt className={styles.term}>{t('record.approval')}</dt>
        <dd className={styles.value}>{t(`approval.${mailbox.approvalStatus}`)}</dd>
        <dt className={styles.term}>{t('record.testRunStatus')}</dt>
        <dd className={styles.value}>
          <TestStatusBadge status={mailbox.testRunStatus} />
        </dd>
        <dt className={styles.term}>{t('record.processing')}</dt>
        <dd className={styles.value}>{t(`processing.${mailbox.processingState}`)}</dd>
        <dt className={styles.term}>{t('record.failuresInARow')}</dt>
        <dd className={styles.value}>
          {mailbox.consecutiveFailures === 0 ? t('record.noFailures') : format.number(mailbox.consecutiveFailures)}
        </dd>
        <dt className={styles.term}>{t('record.lastSync')}</dt>
        <dd className={styles.value}>
          {mailbox.lastSyncAt === null ? (
            t('never')
          ) : (
            <time dateTime={mailbox.lastSyncAt}>{format.dateTime(mailbox.lastSyncAt)}</time>
          )}
        </dd>
      </dl>

      <ChannelsSection mailbox={mailbox} />

      {/* The API lets the owner and administrators change the mailbox's settings. */}
      {(isOwner || isAdministrator) && <IncomingFilterSection mailbox={mailbox} />}

      {/* Rules are the owner's own way of filing email; a queue mailbox has none. */}
      {isOwner && <FolderTrackingSection mailbox={mailbox} />}

      <AlertsSection mailbox={mailbox} />

      <SyncHistorySection mailbox={mailbox} />
    </section>
  );
}

function ChannelsSection({ mailbox }: { mailbox: MailboxRecord }) {
  const styles = useStyles();
  const t = useText(mailboxesText);
  const headingId = useId();
  const channels = [
    {
      id: 'incoming',
      name: t('channels.incoming'),
      method: mailbox.incomingMethod,
      status: mailbox.incomingStatus,
      enabled: mailbox.enabledForIncoming,
    },
    {
      id: 'outgoing',
      name: t('channels.outgoing'),
      method: mailbox.outgoingMethod,
      status: mailbox.outgoingStatus,
      enabled: mailbox.enabledForOutgoing,
    },
    {
      id: 'act',
      name: t('channels.act'),
      method: mailbox.actMethod,
      status: mailbox.actStatus,
      enabled: mailbox.enabledForAct,
    },
  ];
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t('channels.title')}
      </Subtitle1>
      <Table aria-labelledby={headingId}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('channels.channel')}</TableHeaderCell>
            <TableHeaderCell>{t('channels.synchronisation')}</TableHeaderCell>
            <TableHeaderCell>{t('channels.testStatus')}</TableHeaderCell>
            <TableHeaderCell>{t('channels.enabled')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {channels.map((channel) => (
            <TableRow key={channel.id}>
              <TableCell>{channel.name}</TableCell>
              <TableCell>{t(`syncMethod.${channel.method}`)}</TableCell>
              <TableCell>
                <TestStatusBadge status={channel.status} />
              </TableCell>
              <TableCell>{channel.enabled ? t('yes') : t('no')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

function AlertsSection({ mailbox }: { mailbox: MailboxRecord }) {
  const styles = useStyles();
  const t = useText(mailboxesText);
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t('alerts.title')}
      </Subtitle1>
      <MailboxAlerts alerts={mailbox.alerts} />
    </section>
  );
}

function SyncHistorySection({ mailbox }: { mailbox: MailboxPageRecord }) {
  const styles = useStyles();
  const t = useText(mailboxesText);
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t('history.title')}
      </Subtitle1>
      <SyncHistory runs={mailbox.syncHistory} labelledBy={headingId} />
    </section>
  );
}
