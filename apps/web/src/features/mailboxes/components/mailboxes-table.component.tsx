import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TableSelectionCell,
  createTableColumn,
  makeStyles,
  useTableFeatures,
  useTableSelection,
  useTableSort,
  type TableColumnDefinition,
  type TableColumnId,
  type TableRowId,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../../shared/format-date-time';
import { RouterLink } from '../../../shared/router-link.component';
import type { MailboxRow } from '../graphql/mailboxes.graphql';
import { APPROVAL_LABELS, PROCESSING_LABELS, TEST_STATUS_LABELS } from '../mailbox.labels';
import { TestStatusBadge } from './test-status-badge.component';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  table: { minWidth: '1080px' },
  email: { width: '20%', overflowWrap: 'anywhere' },
  owner: { width: '12%' },
});

type Column = {
  id: TableColumnId;
  title: string;
  render: (mailbox: MailboxRow) => ReactNode;
  compare: (a: MailboxRow, b: MailboxRow) => number;
};

function byText(text: (mailbox: MailboxRow) => string) {
  return (a: MailboxRow, b: MailboxRow) => text(a).localeCompare(text(b));
}

const ownerName = (mailbox: MailboxRow) => mailbox.owner?.displayName ?? 'Queue';

// Sorting only reorders the rows already loaded; the API pages by email address.
const COLUMNS: readonly Column[] = [
  {
    id: 'emailAddress',
    title: 'Email address',
    render: (mailbox) => <RouterLink to={`/mailboxes/${mailbox.id}`}>{mailbox.emailAddress}</RouterLink>,
    compare: byText((mailbox) => mailbox.emailAddress),
  },
  { id: 'owner', title: 'Owner', render: ownerName, compare: byText(ownerName) },
  {
    id: 'approvalStatus',
    title: 'Approval',
    render: (mailbox) => APPROVAL_LABELS[mailbox.approvalStatus],
    compare: byText((mailbox) => APPROVAL_LABELS[mailbox.approvalStatus]),
  },
  {
    id: 'incomingStatus',
    title: 'Incoming',
    render: (mailbox) => <TestStatusBadge status={mailbox.incomingStatus} />,
    compare: byText((mailbox) => TEST_STATUS_LABELS[mailbox.incomingStatus]),
  },
  {
    id: 'outgoingStatus',
    title: 'Outgoing',
    render: (mailbox) => <TestStatusBadge status={mailbox.outgoingStatus} />,
    compare: byText((mailbox) => TEST_STATUS_LABELS[mailbox.outgoingStatus]),
  },
  {
    id: 'actStatus',
    title: 'Appointments, contacts and tasks',
    render: (mailbox) => <TestStatusBadge status={mailbox.actStatus} />,
    compare: byText((mailbox) => TEST_STATUS_LABELS[mailbox.actStatus]),
  },
  {
    id: 'testRunStatus',
    title: 'Test run status',
    render: (mailbox) => <TestStatusBadge status={mailbox.testRunStatus} />,
    compare: byText((mailbox) => TEST_STATUS_LABELS[mailbox.testRunStatus]),
  },
  {
    id: 'processingState',
    title: 'Processing',
    render: (mailbox) => PROCESSING_LABELS[mailbox.processingState],
    compare: byText((mailbox) => PROCESSING_LABELS[mailbox.processingState]),
  },
  {
    id: 'lastSyncAt',
    title: 'Last sync',
    render: (mailbox) =>
      mailbox.lastSyncAt === null ? (
        'Never'
      ) : (
        <time dateTime={mailbox.lastSyncAt}>{formatDateTime(mailbox.lastSyncAt)}</time>
      ),
    // Never synchronised sorts before any date.
    compare: (a, b) =>
      (a.lastSyncAt === null ? 0 : Date.parse(a.lastSyncAt)) - (b.lastSyncAt === null ? 0 : Date.parse(b.lastSyncAt)),
  },
];

const TABLE_COLUMNS: TableColumnDefinition<MailboxRow>[] = COLUMNS.map(({ id, compare }) =>
  createTableColumn<MailboxRow>({ columnId: id, compare }),
);

type MailboxesTableProps = {
  rows: MailboxRow[];
  labelledBy: string;
  /** Offer row selection (administrators, who can act on the selected mailboxes). */
  selectable: boolean;
  selected: ReadonlySet<TableRowId>;
  onSelectedChange: (selected: ReadonlySet<TableRowId>) => void;
};

export function MailboxesTable({ rows, labelledBy, selectable, selected, onSelectedChange }: MailboxesTableProps) {
  const styles = useStyles();
  const {
    getRows,
    selection: { allRowsSelected, someRowsSelected, toggleAllRows, toggleRow, isRowSelected },
    sort: { getSortDirection, toggleColumnSort, sort },
  } = useTableFeatures({ columns: TABLE_COLUMNS, items: rows, getRowId: (mailbox) => mailbox.id }, [
    useTableSelection({
      selectionMode: 'multiselect',
      selectedItems: selected,
      onSelectionChange: (_, data) => onSelectedChange(data.selectedItems),
    }),
    useTableSort({ defaultSortState: { sortColumn: 'emailAddress', sortDirection: 'ascending' } }),
  ]);

  return (
    <div className={styles.scroller}>
      <Table aria-labelledby={labelledBy} className={styles.table} sortable>
        <TableHeader>
          <TableRow>
            {selectable && (
              <TableSelectionCell
                checked={allRowsSelected ? true : someRowsSelected ? 'mixed' : false}
                onClick={toggleAllRows}
                checkboxIndicator={{ 'aria-label': 'Select all' }}
              />
            )}
            {COLUMNS.map((column) => (
              <TableHeaderCell
                key={column.id}
                // A th after the selection cell's td would otherwise count as a row header.
                scope="col"
                className={
                  column.id === 'emailAddress' ? styles.email : column.id === 'owner' ? styles.owner : undefined
                }
                sortDirection={getSortDirection(column.id)}
                onClick={(event) => toggleColumnSort(event, column.id)}
              >
                {column.title}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {sort(getRows()).map(({ item: mailbox, rowId }) => {
            const checked = isRowSelected(rowId);
            return (
              <TableRow key={rowId} aria-selected={selectable ? checked : undefined}>
                {selectable && (
                  <TableSelectionCell
                    checked={checked}
                    onClick={(event) => toggleRow(event, rowId)}
                    checkboxIndicator={{ 'aria-label': `Select ${mailbox.emailAddress}` }}
                    // Named apart from its checkbox, so the only cell named by the address is the address.
                    aria-label="Selection"
                  />
                )}
                {COLUMNS.map((column) => (
                  <TableCell key={column.id} className={column.id === 'emailAddress' ? styles.email : undefined}>
                    {column.render(mailbox)}
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
