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
import { RouterLink } from '../../../shared/router-link.component';
import { useJobReport } from '../hooks/use-job-report.hook';
import { AUTO_APPROVAL_REASON_LABELS, jobItemOutcome } from '../job.labels';

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
  const { items, totalCount, hasNextPage, loading, loadingMore, error, loadMore } = useJobReport(jobId);

  return (
    <div className={styles.root}>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Could not load the report</MessageBarTitle>
            {errorMessage(error)}
          </MessageBarBody>
        </MessageBar>
      )}
      {loading && <Spinner size="small" label="Loading the report" />}
      {totalCount === 0 && <Body1>No mailboxes were part of this run.</Body1>}
      {items.length > 0 && (
        <div className={styles.scroller}>
          <Table aria-labelledby={labelledBy} className={styles.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.email}>Email address</TableHeaderCell>
                <TableHeaderCell className={styles.outcome}>Outcome</TableHeaderCell>
                <TableHeaderCell>Why</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((item) => {
                const outcome = jobItemOutcome(kind, item);
                return (
                  <TableRow key={item.id}>
                    <TableCell className={styles.email}>
                      <RouterLink to={`/mailboxes/${item.mailboxId}`}>
                        {item.emailAddress ?? 'Mailbox no longer exists'}
                      </RouterLink>
                    </TableCell>
                    <TableCell>
                      <Badge appearance="tint" color={outcome.color}>
                        {outcome.label}
                      </Badge>
                    </TableCell>
                    <TableCell>
                      <div className={styles.why}>
                        {item.reasons.length > 0 && (
                          <ul className={styles.reasons}>
                            {item.reasons.map((reason) => (
                              <li key={reason}>{AUTO_APPROVAL_REASON_LABELS[reason]}</li>
                            ))}
                          </ul>
                        )}
                        {item.message !== null && <Caption1 className={styles.detail}>{item.message}</Caption1>}
                        {item.status === 'FAILED' && item.message === null && (
                          <Caption1 className={styles.detail}>
                            A test failed. The mailbox’s alerts say what went wrong and how to fix it.
                          </Caption1>
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
            {loadingMore ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      )}
    </div>
  );
}
