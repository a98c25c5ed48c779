import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from '@fluentui/react-components';
import type { MailboxRow } from '../graphql/mailboxes.graphql';
import { APPROVAL_LABELS, PROCESSING_LABELS } from '../mailbox.labels';
import { TestStatusBadge } from './test-status-badge.component';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  table: { minWidth: '1040px' },
  email: { width: '24%', overflowWrap: 'anywhere' },
  owner: { width: '14%' },
});

type MailboxesTableProps = { rows: MailboxRow[]; labelledBy: string };

export function MailboxesTable({ rows, labelledBy }: MailboxesTableProps) {
  const styles = useStyles();
  return (
    <div className={styles.scroller}>
      <Table aria-labelledby={labelledBy} className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.email}>Email address</TableHeaderCell>
            <TableHeaderCell className={styles.owner}>Owner</TableHeaderCell>
            <TableHeaderCell>Approval</TableHeaderCell>
            <TableHeaderCell>Incoming</TableHeaderCell>
            <TableHeaderCell>Outgoing</TableHeaderCell>
            <TableHeaderCell>Appointments, contacts and tasks</TableHeaderCell>
            <TableHeaderCell>Test run status</TableHeaderCell>
            <TableHeaderCell>Processing</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((mailbox) => (
            <TableRow key={mailbox.id}>
              <TableCell className={styles.email}>{mailbox.emailAddress}</TableCell>
              <TableCell>{mailbox.owner?.displayName ?? 'Queue'}</TableCell>
              <TableCell>{APPROVAL_LABELS[mailbox.approvalStatus]}</TableCell>
              <TableCell>
                <TestStatusBadge status={mailbox.incomingStatus} />
              </TableCell>
              <TableCell>
                <TestStatusBadge status={mailbox.outgoingStatus} />
              </TableCell>
              <TableCell>
                <TestStatusBadge status={mailbox.actStatus} />
              </TableCell>
              <TableCell>
                <TestStatusBadge status={mailbox.testRunStatus} />
              </TableCell>
              <TableCell>{PROCESSING_LABELS[mailbox.processingState]}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
