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
import { useMemo, type ReactNode } from 'react';
import type { TestStatus } from '../../../gql/graphql';
import { useFormat, type Formatters } from '../../../shared/format';
import { useText, type Translate } from '../../../shared/i18n';
import { RouterLink } from '../../../shared/router-link.component';
import type { MailboxRow } from '../graphql/mailboxes.graphql';
import { mailboxesText } from '../mailboxes.strings';
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

type Text = Translate<(typeof mailboxesText)['en']>;

// Sorting only reorders the rows already loaded; the API pages by email address. Labels sort as
// the reader sees them, so the columns follow the language.
function columnsFor(t: Text, format: Formatters): readonly Column[] {
  const ownerName = (mailbox: MailboxRow) => mailbox.owner?.displayName ?? t('queue');
  const status = (pick: (mailbox: MailboxRow) => TestStatus) => ({
    render: (mailbox: MailboxRow) => <TestStatusBadge status={pick(mailbox)} />,
    compare: byText((mailbox) => t(`testStatus.${pick(mailbox)}`)),
  });
  return [
    {
      id: 'emailAddress',
      title: t('column.emailAddress'),
      render: (mailbox) => <RouterLink to={`/mailboxes/${mailbox.id}`}>{mailbox.emailAddress}</RouterLink>,
      compare: byText((mailbox) => mailbox.emailAddress),
    },
    { id: 'owner', title: t('column.owner'), render: ownerName, compare: byText(ownerName) },
    {
      id: 'approvalStatus',
      title: t('column.approvalStatus'),
      render: (mailbox) => t(`approval.${mailbox.approvalStatus}`),
      compare: byText((mailbox) => t(`approval.${mailbox.approvalStatus}`)),
    },
    { id: 'incomingStatus', title: t('column.incomingStatus'), ...status((mailbox) => mailbox.incomingStatus) },
    { id: 'outgoingStatus', title: t('column.outgoingStatus'), ...status((mailbox) => mailbox.outgoingStatus) },
    { id: 'actStatus', title: t('column.actStatus'), ...status((mailbox) => mailbox.actStatus) },
    { id: 'testRunStatus', title: t('column.testRunStatus'), ...status((mailbox) => mailbox.testRunStatus) },
    {
      id: 'processingState',
      title: t('column.processingState'),
      render: (mailbox) => t(`processing.${mailbox.processingState}`),
      compare: byText((mailbox) => t(`processing.${mailbox.processingState}`)),
    },
    {
      id: 'lastSyncAt',
      title: t('column.lastSyncAt'),
      render: (mailbox) =>
        mailbox.lastSyncAt === null ? (
          t('never')
        ) : (
          <time dateTime={mailbox.lastSyncAt}>{format.dateTime(mailbox.lastSyncAt)}</time>
        ),
      // Never synchronised sorts before any date.
      compare: (a, b) =>
        (a.lastSyncAt === null ? 0 : Date.parse(a.lastSyncAt)) - (b.lastSyncAt === null ? 0 : Date.parse(b.lastSyncAt)),
    },
  ];
}

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
  const t = useText(mailboxesText);
  const format = useFormat();
  const columns = useMemo(() => columnsFor(t, format), [t, format]);
  const tableColumns = useMemo<TableColumnDefinition<MailboxRow>[]>(
    () => columns.map(({ id, compare }) => createTableColumn<MailboxRow>({ columnId: id, compare })),
    [columns],
  );
  const {
    getRows,
    selection: { allRowsSelected, someRowsSelected, toggleAllRows, toggleRow, isRowSelected },
    sort: { getSortDirection, toggleColumnSort, sort },
  } = useTableFeatures({ columns: tableColumns, items: rows, getRowId: (mailbox) => mailbox.id }, [
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
                checkboxIndicator={{ 'aria-label': t('selectAll') }}
              />
            )}
            {columns.map((column) => (
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
                    checkboxIndicator={{ 'aria-label': t('selectMailbox', { email: mailbox.emailAddress }) }}
                    // Named apart from its checkbox, so the only cell named by the address is the address.
                    aria-label={t('selection')}
                  />
                )}
                {columns.map((column) => (
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
