import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from '@fluentui/react-components';
import { formatDateTime } from '../../../shared/format-date-time';
import { RouterLink } from '../../../shared/router-link.component';
import type { LaggingMailbox } from '../graphql/sync-health.graphql';
import { formatLag } from '../sync-health.labels';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  wrap: { overflowWrap: 'anywhere' },
});

/** The enabled mailboxes longest without a successful sync, most behind first, each linking to its page. */
export function SlowestMailboxesTable({
  mailboxes,
  labelledBy,
}: {
  mailboxes: readonly LaggingMailbox[];
  labelledBy: string;
}) {
  const styles = useStyles();
  return (
    <div className={styles.scroller}>
      <Table aria-labelledby={labelledBy} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Mailbox</TableHeaderCell>
            <TableHeaderCell>Behind by</TableHeaderCell>
            <TableHeaderCell>Last synced</TableHeaderCell>
            <TableHeaderCell>Failures in a row</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {mailboxes.map((mailbox) => (
            <TableRow key={mailbox.id}>
              <TableCell className={styles.wrap}>
                <RouterLink to={`/mailboxes/${mailbox.id}`}>{mailbox.emailAddress}</RouterLink>
              </TableCell>
              <TableCell>{formatLag(mailbox.lagSeconds)}</TableCell>
              <TableCell>{mailbox.lastSyncAt === null ? 'Never' : formatDateTime(mailbox.lastSyncAt)}</TableCell>
              <TableCell>
                {mailbox.consecutiveFailures > 0 ? (
                  <Badge appearance="tint" color="danger">
                    {mailbox.consecutiveFailures}
                  </Badge>
                ) : (
                  0
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
