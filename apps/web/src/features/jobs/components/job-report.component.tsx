import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  createTableColumn,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { JobKind } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/error-message';
import { ConsoleGrid } from '../../../shared/console-grid.component';
import { useText } from '../../../shared/i18n';
import { RouterLink } from '../../../shared/router-link.component';
import type { JobReportItem } from '../graphql/job.graphql';
import { useJobReport } from '../hooks/use-job-report.hook';
import { autoApprovalReasonKey, jobItemDetail, jobItemOutcome } from '../job.labels';
import { jobsText } from '../jobs.strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  grid: { minWidth: '640px' },
  // Cells share the row by these weights: the reasons need the room.
  emailAddress: { flexGrow: 3 },
  outcome: { flexGrow: 2 },
  why: { flexGrow: 5 },
  wrap: { overflowWrap: 'anywhere', minWidth: 0 },
  // A long outcome ("Non approvata automaticamente") wraps inside its badge.
  badge: { height: 'auto', minHeight: '20px', whiteSpace: 'normal' },
  reasonsCell: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
    minWidth: 0,
  },
  reasons: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  detail: { color: tokens.colorNeutralForeground3 },
  footer: { display: 'flex', justifyContent: 'center' },
});

type ColumnId = 'emailAddress' | 'outcome' | 'why';

type JobReportProps = { jobId: string; kind: JobKind; labelledBy: string };

/** The per-mailbox table of a finished job: each mailbox, what happened to it, and why. */
export function JobReport({ jobId, kind, labelledBy }: JobReportProps) {
  const styles = useStyles();
  const t = useText(jobsText);
  const { items, totalCount, hasNextPage, loading, loadingMore, error, loadMore } = useJobReport(jobId);

  const column = (columnId: ColumnId, renderCell: (item: JobReportItem) => ReactNode) =>
    createTableColumn<JobReportItem>({ columnId, renderHeaderCell: () => t(`report.${columnId}`), renderCell });

  const columns = [
    column('emailAddress', (item) => (
      <RouterLink to={`/mailboxes/${item.mailboxId}`} className={styles.wrap}>
        {item.emailAddress ?? t('report.mailboxGone')}
      </RouterLink>
    )),
    column('outcome', (item) => {
      const outcome = jobItemOutcome(kind, item);
      return (
        <Badge appearance="tint" color={outcome.color} className={styles.badge}>
          {t(outcome.label)}
        </Badge>
      );
    }),
    column('why', (item) => {
      const detail = jobItemDetail(item, t);
      return (
        <div className={styles.reasonsCell}>
          {item.reasons.length > 0 && (
            <ul className={styles.reasons}>
              {item.reasons.map((reason) => (
                <li key={reason}>{t(autoApprovalReasonKey(reason))}</li>
              ))}
            </ul>
          )}
          {detail !== null && <Caption1 className={styles.detail}>{detail}</Caption1>}
        </div>
      );
    }),
  ];

  return (
    <div className={styles.root}>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t('report.loadFailed')}</MessageBarTitle>
            {errorMessage(error)}
          </MessageBarBody>
        </MessageBar>
      )}
      {loading && <Spinner size="small" label={t('report.loading')} />}
      {totalCount === 0 && <Body1>{t('report.empty')}</Body1>}
      {items.length > 0 && (
        <ConsoleGrid
          items={items}
          columns={columns}
          getRowId={(item: JobReportItem) => item.id}
          labelledBy={labelledBy}
          className={styles.grid}
          columnClass={(columnId) => styles[columnId as ColumnId]}
        />
      )}
      {hasNextPage && (
        <div className={styles.footer}>
          <Button onClick={loadMore} disabled={loadingMore}>
            {loadingMore ? t('loadingMore') : t('loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}
