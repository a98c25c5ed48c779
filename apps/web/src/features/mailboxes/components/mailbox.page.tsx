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
import { formatDateTime } from '../../../shared/format-date-time';
import { useMe } from '../../session/hooks/use-me.hook';
import type { MailboxRecord } from '../graphql/mailbox.graphql';
import { useMailboxJob } from '../hooks/use-mailbox-job.hook';
import { useMailboxRecord } from '../hooks/use-mailbox-record.hook';
import { APPROVAL_LABELS, PROCESSING_LABELS, SYNC_METHOD_LABELS } from '../mailbox.labels';
import { FolderTrackingSection } from './folder-tracking.component';
import { IncomingFilterSection } from './incoming-filter.component';
import { MailboxAlerts } from './mailbox-alerts.component';
import { MailboxJobStatus } from './mailbox-job-status.component';
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

function ownerText(mailbox: MailboxRecord): string {
  if (mailbox.owner === null) return mailbox.queueName === null ? 'Queue' : `Queue: ${mailbox.queueName}`;
  return `${mailbox.owner.displayName} (${mailbox.owner.primaryEmail})`;
}

export function MailboxPage() {
  const { id = '' } = useParams();
  // Another mailbox is another page: nothing started or seen on this one carries over.
  return <MailboxRecordView key={id} id={id} />;
}

function MailboxRecordView({ id }: { id: string }) {
  const styles = useStyles();
  const headingId = useId();
  const { mailbox, loading, error, liveError } = useMailboxRecord(id);
  const { me, isAdministrator } = useMe();
  const mailboxJob = useMailboxJob();
  const isOwner = me !== null && mailbox?.owner?.id === me.id;

  if (mailbox === undefined) {
    return (
      <section className={styles.root} aria-labelledby={headingId}>
        <Title1 as="h1" id={headingId} className={styles.heading}>
          Mailbox
        </Title1>
        {loading && <Spinner label="Loading the mailbox" />}
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>Could not load the mailbox</MessageBarTitle>
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
          Mailbox not found
        </Title1>
        <Body1>This mailbox does not exist, or you may not see it.</Body1>
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
              Approve and test
            </Button>
          </div>
        )}
      </div>

      <MailboxJobStatus {...mailboxJob} />
      {liveError && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Live updates stopped</MessageBarTitle>
            The statuses may be out of date. Reload the page to see the latest.
          </MessageBarBody>
        </MessageBar>
      )}

      <dl className={styles.details}>
        <dt className={styles.term}>Owner</dt>
        <dd className={styles.value}>{ownerText(mailbox)}</dd>
        <dt className={styles.term}>Approval</dt>
        <dd className={styles.value}>{APPROVAL_LABELS[mailbox.approvalStatus]}</dd>
        <dt className={styles.term}>Test run status</dt>
        <dd className={styles.value}>
          <TestStatusBadge status={mailbox.testRunStatus} />
        </dd>
        <dt className={styles.term}>Processing</dt>
        <dd className={styles.value}>{PROCESSING_LABELS[mailbox.processingState]}</dd>
        <dt className={styles.term}>Failures in a row</dt>
        <dd className={styles.value}>{mailbox.consecutiveFailures === 0 ? 'None' : mailbox.consecutiveFailures}</dd>
        <dt className={styles.term}>Last sync</dt>
        <dd className={styles.value}>
          {mailbox.lastSyncAt === null ? (
            'Never'
          ) : (
            <time dateTime={mailbox.lastSyncAt}>{formatDateTime(mailbox.lastSyncAt)}</time>
          )}
        </dd>
      </dl>

      <ChannelsSection mailbox={mailbox} />

      {/* The API lets the owner and administrators change the mailbox's settings. */}
      {(isOwner || isAdministrator) && <IncomingFilterSection mailbox={mailbox} />}

      {/* Rules are the owner's own way of filing email; a queue mailbox has none. */}
      {isOwner && <FolderTrackingSection mailbox={mailbox} />}

      <AlertsSection mailbox={mailbox} />
    </section>
  );
}

function ChannelsSection({ mailbox }: { mailbox: MailboxRecord }) {
  const styles = useStyles();
  const headingId = useId();
  const channels = [
    {
      name: 'Incoming email',
      method: mailbox.incomingMethod,
      status: mailbox.incomingStatus,
      enabled: mailbox.enabledForIncoming,
    },
    {
      name: 'Outgoing email',
      method: mailbox.outgoingMethod,
      status: mailbox.outgoingStatus,
      enabled: mailbox.enabledForOutgoing,
    },
    {
      name: 'Appointments, contacts and tasks',
      method: mailbox.actMethod,
      status: mailbox.actStatus,
      enabled: mailbox.enabledForAct,
    },
  ];
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        Channels
      </Subtitle1>
      <Table aria-labelledby={headingId}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Channel</TableHeaderCell>
            <TableHeaderCell>Synchronisation</TableHeaderCell>
            <TableHeaderCell>Test status</TableHeaderCell>
            <TableHeaderCell>Enabled</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {channels.map((channel) => (
            <TableRow key={channel.name}>
              <TableCell>{channel.name}</TableCell>
              <TableCell>{SYNC_METHOD_LABELS[channel.method]}</TableCell>
              <TableCell>
                <TestStatusBadge status={channel.status} />
              </TableCell>
              <TableCell>{channel.enabled ? 'Yes' : 'No'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

function AlertsSection({ mailbox }: { mailbox: MailboxRecord }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        Alerts
      </Subtitle1>
      <MailboxAlerts alerts={mailbox.alerts} />
    </section>
  );
}
