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
import { useFormat } from '../../../shared/format';
import { useText } from '../../../shared/i18n';
import { RouterLink } from '../../../shared/router-link.component';
import { QUEUE_BOARD_PATH, useQueueBoard } from '../hooks/use-queue-board.hook';
import { REFRESH_MS, useSyncHealth } from '../hooks/use-sync-health.hook';
import { WINDOWS, totalsOf, type WindowMinutes } from '../sync-health.labels';
import { syncHealthText } from '../sync-health.strings';
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

/** Administrators: how synchronisation is going, per minute, with the queues and the mailboxes most behind. */
export function SyncHealthPage() {
  const styles = useStyles();
  const headingId = useId();
  const t = useText(syncHealthText);
  const format = useFormat();
  const mailboxesId = useId();
  const queuesId = useId();
  const [windowMinutes, setWindowMinutes] = useState<WindowMinutes>(60);
  const { health, loading, error } = useSyncHealth(windowMinutes);
  const board = useQueueBoard();
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);

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
          {t('heading')}
        </Title1>
        <Body1>{t('intro', { seconds: format.number(REFRESH_MS / 1000) })}</Body1>
      </div>

      <div className={styles.bar}>
        <Field label={t('period')}>
          <Select
            value={String(windowMinutes)}
            onChange={(_, data) => setWindowMinutes(Number(data.value) as WindowMinutes)}
          >
            {WINDOWS.map((minutes) => (
              <option key={minutes} value={minutes}>
                {t(`window.${minutes}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Link href={QUEUE_BOARD_PATH} target="_blank" onClick={openBoard} disabled={board.opening}>
          <span className={styles.boardLink}>
            {t('queueBoard')} <OpenRegular aria-label={t('opensInNewTab')} />
          </span>
        </Link>
      </div>

      {board.error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t('boardFailed')}</MessageBarTitle>
            {t(`board.${board.error}`)}
          </MessageBarBody>
        </MessageBar>
      )}

      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t('loadFailed')}</MessageBarTitle>
            {errorMessage(error)}
          </MessageBarBody>
        </MessageBar>
      )}

      {loading && <Spinner label={t('loading')} />}

      {updatedAt && <Text size={200}>{t('updatedAt', { time: format.time(updatedAt, { seconds: true }) })}</Text>}

      {nothingYet && (
        <div className={styles.empty}>
          <Subtitle1 as="h2">{t('nothingYet')}</Subtitle1>
          <Body1>
            {t('nothingYetBefore')} <RouterLink to="/settings/email">{t('configureEmail')}</RouterLink>
            {t('nothingYetBetween')} <RouterLink to="/mailboxes">{t('approveAndTest')}</RouterLink>.
          </Body1>
        </div>
      )}

      {health && !nothingYet && <SyncHealthCharts minutes={health.minutes} windowMinutes={windowMinutes} />}

      {health && health.slowestMailboxes.length > 0 && (
        <section className={styles.section} aria-labelledby={mailboxesId}>
          <Subtitle1 as="h2" id={mailboxesId}>
            {t('slowest')}
          </Subtitle1>
          <Body1>{t('slowestDetail')}</Body1>
          <SlowestMailboxesTable mailboxes={health.slowestMailboxes} labelledBy={mailboxesId} />
        </section>
      )}

      {health && (
        <section className={styles.section} aria-labelledby={queuesId}>
          <Subtitle1 as="h2" id={queuesId}>
            {t('queueDepth')}
          </Subtitle1>
          <Body1>{t('queueDepthDetail')}</Body1>
          <QueueDepthsTable queues={health.queues} labelledBy={queuesId} />
        </section>
      )}
    </section>
  );
}
