import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { JobKind } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/error-message';
import { useText } from '../../../shared/i18n';
import { RouterLink } from '../../../shared/router-link.component';
import { useJobReport } from '../hooks/use-job-report.hook';
import { autoApprovalReasonKey, jobItemOutcome } from '../job.labels';
import { jobsText } from '../jobs.strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  scroller: { overflowX: 'auto' },
  table: { minWidth: '720px' },
  email: { width: '30%', overflowWrap: 'anywhere' },
  outcome: { width: '22%' },
  why: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
  },
  reasons: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  detail: { color: tokens.colorNeutralForeground3 },
  footer: { display: 'flex', justifyContent: 'center' },
});

type JobReportProps = { jobId: string; kind: JobKind; labelledBy: string };

/** The per-mailbox table of a finished job: each mailbox, what happened to it, and why. */
export function JobReport({ jobId, kind, labelledBy }: JobReportProps) {
  const styles = useStyles();
  const t = useText(jobsText);
  const { items, totalCount, hasNextPage, loading, loadingMore, error, loadMore } = useJobReport(jobId);

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
        <div className={styles.scroller}>
          <Table aria-labelledby={labelledBy} className={styles.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.email}>{t('report.emailAddress')}</TableHeaderCell>
                <TableHeaderCell className={styles.outcome}>{t('report.outcome')}</TableHeaderCell>
                <TableHeaderCell>{t('report.why')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((item) => {
                const outcome = jobItemOutcome(kind, item);
                return (
                  <TableRow key={item.id}>
                    <TableCell className={styles.email}>
                      <RouterLink to={`/mailboxes/${item.mailboxId}`}>
                        {item.emailAddress ?? t('report.mailboxGone')}
                      </RouterLink>
                    </TableCell>
                    <TableCell>
                      <Badge appearance="tint" color={outcome.color}>
                        {t(outcome.label)}
                      </Badge>
                    </TableCell>
                    <TableCell>
                      <div className={styles.why}>
                        {item.reasons.length > 0 && (
                          <ul className={styles.reasons}>
                            {item.reasons.map((reason) => (
                              <li key={reason}>{t(autoApprovalReasonKey(reason))}</li>
                            ))}
                          </ul>
                        )}
                        {item.message !== null && <Caption1 className={styles.detail}>{item.message}</Caption1>}
                        {item.status === 'FAILED' && item.message === null && (
                          <Caption1 className={styles.detail}>{t('report.testFailed')}</Caption1>
                        )}
                      </div>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
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
