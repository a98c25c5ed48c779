import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  createTableColumn,
  makeStyles,
  type TableColumnDefinition,
  type TableColumnId,
  type TableRowId,
} from '@fluentui/react-components';
import { Fragment, useMemo, type ReactNode } from 'react';
import type { TestStatus } from '../../../gql/graphql';
import { useFormat, type Formatters } from '../../../shared/format';
import { useText, type Translate } from '../../../shared/i18n';
import { RouterLink } from '../../../shared/router-link.component';
import type { MailboxRow } from '../graphql/mailboxes.graphql';
import { mailboxesText } from '../mailboxes.strings';
import { TestStatusBadge } from './test-status-badge.component';

type ColumnId =
  | 'emailAddress'
  | 'owner'
  | 'approvalStatus'
  | 'incomingStatus'
  | 'outgoingStatus'
  | 'actStatus'
  | 'testRunStatus'
  | 'processingState'
  | 'lastSyncAt';

// Each column's least width (its content, inside 8 px padding a side) holds its longest word in
// Italian, the longer language ("sincronizzazione", "Appuntamenti,"), so no header breaks inside a
// word; what is left goes mostly to the address. With the selection cell they fit beside the
// navigation at 1280 px, a vertical scroll bar included.
const useStyles = makeStyles({
  // Narrower than the grid (a tablet), the grid scrolls inside this box and the page keeps its width.
  scroller: { overflowX: 'auto' },
  grid: { minWidth: '980px' },
  emailAddress: { flex: '3 1 0px', minWidth: '120px' },
  owner: { flex: '2 1 0px', minWidth: '84px' },
  approvalStatus: { minWidth: '86px' },
  incomingStatus: { minWidth: '72px' },
  outgoingStatus: { minWidth: '72px' },
  actStatus: { minWidth: '92px' },
  testRunStatus: { minWidth: '72px' },
  processingState: { minWidth: '84px' },
  lastSyncAt: { minWidth: '108px' },
  // An address has no spaces to wrap at.
  anywhere: { minWidth: 0, overflowWrap: 'anywhere' },
});

/**
 * An address as it may wrap in a narrow column: before its "@" and its domain's dots first
 * ("sales.pro" / "@contoso" / ".example"), anywhere only when a part is still too long.
 */
function breakableAddress(address: string): ReactNode {
  const at = address.lastIndexOf('@');
  if (at <= 0) return address;
  const domain = address.slice(at).split('.');
  return (
    <>
      {address.slice(0, at)}
      {domain.map((part, index) => (
        <Fragment key={index}>
          <wbr />
          {index === 0 ? part : `.${part}`}
        </Fragment>
      ))}
    </>
  );
}

function byText(text: (mailbox: MailboxRow) => string) {
  return (a: MailboxRow, b: MailboxRow) => text(a).localeCompare(text(b));
}

type Text = Translate<(typeof mailboxesText)['en']>;

// Sorting only reorders the rows already loaded; the API pages by email address. Labels sort as
// the reader sees them, so the columns follow the language.
function columnsFor(t: Text, format: Formatters): TableColumnDefinition<MailboxRow>[] {
  const ownerName = (mailbox: MailboxRow) => mailbox.owner?.displayName ?? t('queue');
  const column = (
    columnId: ColumnId,
    renderCell: (mailbox: MailboxRow) => ReactNode,
    compare: (a: MailboxRow, b: MailboxRow) => number,
  ) =>
    createTableColumn<MailboxRow>({ columnId, renderHeaderCell: () => t(`column.${columnId}`), renderCell, compare });
  const status = (columnId: ColumnId, pick: (mailbox: MailboxRow) => TestStatus) =>
    column(
      columnId,
      (mailbox) => <TestStatusBadge status={pick(mailbox)} />,
      byText((mailbox) => t(`testStatus.${pick(mailbox)}`)),
    );
  return [
    column(
      'emailAddress',
      (mailbox) => <RouterLink to={`/mailboxes/${mailbox.id}`}>{breakableAddress(mailbox.emailAddress)}</RouterLink>,
      byText((mailbox) => mailbox.emailAddress),
    ),
    column('owner', ownerName, byText(ownerName)),
    column(
      'approvalStatus',
      (mailbox) => t(`approval.${mailbox.approvalStatus}`),
      byText((mailbox) => t(`approval.${mailbox.approvalStatus}`)),
    ),
    status('incomingStatus', (mailbox) => mailbox.incomingStatus),
    status('outgoingStatus', (mailbox) => mailbox.outgoingStatus),
    status('actStatus', (mailbox) => mailbox.actStatus),
    status('testRunStatus', (mailbox) => mailbox.testRunStatus),
    column(
      'processingState',
      (mailbox) => t(`processing.${mailbox.processingState}`),
      byText((mailbox) => t(`processing.${mailbox.processingState}`)),
    ),
    column(
      'lastSyncAt',
      (mailbox) =>
        mailbox.lastSyncAt === null ? (
          t('never')
        ) : (
          <time dateTime={mailbox.lastSyncAt}>{format.dateTime(mailbox.lastSyncAt)}</time>
        ),
      // Never synchronised sorts before any date.
      (a, b) =>
        (a.lastSyncAt === null ? 0 : Date.parse(a.lastSyncAt)) - (b.lastSyncAt === null ? 0 : Date.parse(b.lastSyncAt)),
    ),
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

/** The loaded pages of mailboxes as a grid: sortable, and selectable for the bulk actions. */
export function MailboxesTable({ rows, labelledBy, selectable, selected, onSelectedChange }: MailboxesTableProps) {
  const styles = useStyles();
  const t = useText(mailboxesText);
  const format = useFormat();
  const columns = useMemo(() => columnsFor(t, format), [t, format]);
  const widthOf = (columnId: TableColumnId) => styles[columnId as ColumnId];

  return (
    <div className={styles.scroller}>
      <DataGrid
        items={rows}
        columns={columns}
        getRowId={(mailbox: MailboxRow) => mailbox.id}
        aria-labelledby={labelledBy}
        className={styles.grid}
        sortable
        defaultSortState={{ sortColumn: 'emailAddress', sortDirection: 'ascending' }}
        {...(selectable && {
          selectionMode: 'multiselect' as const,
          selectedItems: selected,
          onSelectionChange: (_, data) => onSelectedChange(data.selectedItems),
        })}
      >
        <DataGridHeader>
          <DataGridRow selectionCell={selectable ? { checkboxIndicator: { 'aria-label': t('selectAll') } } : undefined}>
            {({ renderHeaderCell, columnId }) => (
              <DataGridHeaderCell className={widthOf(columnId)}>{renderHeaderCell()}</DataGridHeaderCell>
            )}
          </DataGridRow>
        </DataGridHeader>
        <DataGridBody<MailboxRow>>
          {({ item: mailbox, rowId }) => (
            <DataGridRow<MailboxRow>
              key={rowId}
              selectionCell={
                selectable
                  ? {
                      checkboxIndicator: { 'aria-label': t('selectMailbox', { email: mailbox.emailAddress }) },
                      // Named apart from its checkbox, so the only cell named by the address is the address.
                      'aria-label': t('selection'),
                    }
                  : undefined
              }
            >
              {({ renderCell, columnId }) => (
                // The address cell holds its link: the arrow keys land on the link rather than on the cell.
                <DataGridCell className={widthOf(columnId)} focusMode={columnId === 'emailAddress' ? 'none' : 'cell'}>
                  {columnId === 'emailAddress' ? (
                    <span className={styles.anywhere}>{renderCell(mailbox)}</span>
                  ) : (
                    renderCell(mailbox)
                  )}
                </DataGridCell>
              )}
            </DataGridRow>
          )}
        </DataGridBody>
      </DataGrid>
    </div>
  );
}
