import {
  Badge,
  Body1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleRegular, ErrorCircleRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { SyncRunOutcome } from '../../../gql/graphql';
import { useFormat, type Formatters } from '../../../shared/format';
import { useText, type Translate } from '../../../shared/i18n';
import { alertsText } from '../alerts.strings';
import type { MailboxSyncRun } from '../graphql/mailbox.graphql';
import { mailboxesText } from '../mailboxes.strings';
import { syncRunFailureText } from '../sync-run-message';

const useStyles = makeStyles({
  details: { overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const OUTCOME_BADGES: Record<SyncRunOutcome, { color: 'success' | 'danger'; icon: ReactElement }> = {
  SUCCESS: { color: 'success', icon: <CheckmarkCircleRegular /> },
  FAILED: { color: 'danger', icon: <ErrorCircleRegular /> },
};

/** Seconds under a minute, minutes above, in the reader's language ("3.2 sec", "2 min"). */
function duration(format: Formatters, run: MailboxSyncRun): string {
  const seconds = Math.max(0, (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000);
  return seconds < 60
    ? format.number(seconds, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1 })
    : format.number(seconds / 60, { style: 'unit', unit: 'minute', unitDisplay: 'short', maximumFractionDigits: 1 });
}

function messages(t: Translate<(typeof mailboxesText)['en']>, run: MailboxSyncRun): string {
  const stored = t('history.stored', { count: run.messagesStored });
  return run.copiesAttached > 0 ? `${stored} · ${t('history.attached', { count: run.copiesAttached })}` : stored;
}

/** A mailbox's recorded sync runs, newest first: the runs that stored mail, failed or read a folder again. */
export function SyncHistory({ runs, labelledBy }: { runs: MailboxSyncRun[]; labelledBy: string }) {
  const styles = useStyles();
  const t = useText(mailboxesText);
  const alerts = useText(alertsText);
  const format = useFormat();
  if (runs.length === 0) return <Body1>{t('history.none')}</Body1>;
  return (
    <Table aria-labelledby={labelledBy}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('history.when')}</TableHeaderCell>
          <TableHeaderCell>{t('history.outcome')}</TableHeaderCell>
          <TableHeaderCell>{t('history.messages')}</TableHeaderCell>
          <TableHeaderCell>{t('history.duration')}</TableHeaderCell>
          <TableHeaderCell>{t('history.details')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {runs.map((run) => (
          <TableRow key={run.id}>
            <TableCell>
              <time dateTime={run.startedAt}>{format.dateTime(run.startedAt)}</time>
            </TableCell>
            <TableCell>
              <Badge appearance="tint" {...OUTCOME_BADGES[run.outcome]}>
                {t(`history.outcome.${run.outcome}`)}
              </Badge>
            </TableCell>
            <TableCell>{messages(t, run)}</TableCell>
            <TableCell>{duration(format, run)}</TableCell>
            <TableCell className={styles.details}>
              {syncRunFailureText(t, alerts, run) ??
                (run.foldersResynced > 0 ? (
                  t('history.resynced', { count: run.foldersResynced })
                ) : (
                  <span className={styles.muted}>—</span>
                ))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
