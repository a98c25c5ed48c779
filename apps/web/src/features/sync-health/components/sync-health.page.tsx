import {
  Body1,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Subtitle1,
  Text,
  Title1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import { useEffect, useId, useState, type MouseEvent } from 'react';
import { errorMessage } from '../../../shared/error-message';
import { RouterLink } from '../../../shared/router-link.component';
import { QUEUE_BOARD_PATH, useQueueBoard } from '../hooks/use-queue-board.hook';
import { REFRESH_MS, useSyncHealth } from '../hooks/use-sync-health.hook';
import { WINDOWS, totalsOf } from '../sync-health.labels';
import { QueueDepthsTable } from './queue-depths-table.component';
import { SlowestMailboxesTable } from './slowest-mailboxes-table.component';
import { SyncHealthCharts } from './sync-health-charts.component';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  intro: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '880px' },
  heading: { margin: 0 },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
  },
  boardLink: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'start',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalXXL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

const TIME = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** Administrators: how synchronisation is going, per minute, with the queues and the mailboxes most behind. */
export function SyncHealthPage() {
  const styles = useStyles();
  const headingId = useId();
  const mailboxesId = useId();
  const queuesId = useId();
  const [windowMinutes, setWindowMinutes] = useState<number>(60);
  const { health, loading, error } = useSyncHealth(windowMinutes);
  const board = useQueueBoard();
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const windowLabel = WINDOWS.find((w) => w.minutes === windowMinutes)?.label ?? `Last ${windowMinutes} minutes`;

  useEffect(() => {
    if (health) setUpdatedAt(new Date());
  }, [health]);

  function openBoard(event: MouseEvent) {
    // A modified click (new window, copy link) is the browser's; a plain one gets the cookie first.
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void board.open();
  }

  const totals = health ? totalsOf(health.minutes) : null;
  const nothingYet =
    health !== null &&
    totals !== null &&
    totals.emailsSynced === 0 &&
    totals.failures === 0 &&
    totals.throttled === 0 &&
    health.slowestMailboxes.length === 0;

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.intro}>
        <Title1 as="h1" id={headingId} className={styles.heading}>
          Sync health
        </Title1>
        <Body1>
          How server-side synchronisation is going in your organisation: emails synced, failed syncs and requests
          Exchange Online throttled, minute by minute, and the mailboxes furthest behind. The figures refresh every{' '}
          {REFRESH_MS / 1000} seconds.
        </Body1>
      </div>

      <div className={styles.bar}>
        <Field label="Period">
          <Select value={String(windowMinutes)} onChange={(_, data) => setWindowMinutes(Number(data.value))}>
            {WINDOWS.map((w) => (
              <option key={w.minutes} value={w.minutes}>
                {w.label}
              </option>
            ))}
          </Select>
        </Field>
        <Link href={QUEUE_BOARD_PATH} target="_blank" onClick={openBoard} disabled={board.opening}>
          <span className={styles.boardLink}>
            Queues (bull-board) <OpenRegular aria-label="opens in a new tab" />
          </span>
        </Link>
      </div>

      {board.error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Could not open the queues</MessageBarTitle>
            {board.error}
          </MessageBarBody>
        </MessageBar>
      )}

      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Could not load sync health</MessageBarTitle>
            {errorMessage(error)}
          </MessageBarBody>
        </MessageBar>
      )}

      {loading && <Spinner label="Loading sync health" />}

      {updatedAt && <Text size={200}>Updated at {TIME.format(updatedAt)}</Text>}

      {nothingYet && (
        <div className={styles.empty}>
          <Subtitle1 as="h2">Nothing is syncing yet</Subtitle1>
          <Body1>
            No email was synced in this period and no mailbox is enabled for server-side synchronisation. Mailboxes sync
            once email is configured and they are approved and tested: run{' '}
            <RouterLink to="/settings/email">Configure email</RouterLink>, then{' '}
            <RouterLink to="/mailboxes">Approve and test mailboxes</RouterLink>.
          </Body1>
        </div>
      )}

      {health && !nothingYet && <SyncHealthCharts minutes={health.minutes} windowLabel={windowLabel} />}

      {health && health.slowestMailboxes.length > 0 && (
        <section className={styles.section} aria-labelledby={mailboxesId}>
          <Subtitle1 as="h2" id={mailboxesId}>
            Slowest mailboxes
          </Subtitle1>
          <Body1>The enabled mailboxes longest without a successful sync.</Body1>
          <SlowestMailboxesTable mailboxes={health.slowestMailboxes} labelledBy={mailboxesId} />
        </section>
      )}

      {health && (
        <section className={styles.section} aria-labelledby={queuesId}>
          <Subtitle1 as="h2" id={queuesId}>
            Queue depth
          </Subtitle1>
          <Body1>Jobs in the worker queues now. Every organisation’s jobs share these queues.</Body1>
          <QueueDepthsTable queues={health.queues} labelledBy={queuesId} />
        </section>
      )}
    </section>
  );
}
