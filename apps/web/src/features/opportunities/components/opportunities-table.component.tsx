import { Link, createTableColumn, makeStyles, tokens, type DataGridCellFocusMode } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useFormat } from '../../../shared/format';
import { ConsoleGrid } from '../../../shared/console-grid.component';
import { useText } from '../../../shared/i18n';
import { RouterLink } from '../../../shared/router-link.component';
import type { OpportunityRow } from '../graphql/opportunities.graphql';
import { opportunitiesText } from '../opportunities.strings';

const useStyles = makeStyles({
  // Fits the page at 1280 px with the navigation open, Italian headers included.
  grid: { minWidth: '860px' },
  // Cells share the row by these weights; the contacts, with their addresses, get the most room.
  name: { flexGrow: 3 },
  account: { flexGrow: 2 },
  contacts: { flexGrow: 5 },
  owner: { flexGrow: 2 },
  estimatedValue: { flexGrow: 2 },
  created: { flexGrow: 2 },
  wrap: { overflowWrap: 'anywhere', minWidth: 0 },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
    paddingBlock: tokens.spacingVerticalS,
  },
});

type ColumnId = 'name' | 'account' | 'contacts' | 'owner' | 'estimatedValue' | 'created';

/**
 * How the arrow keys treat a cell: one link is reached directly, several (the contacts' addresses)
 * behind Enter, and plain text on the cell itself.
 */
function focusModeOf(columnId: ColumnId, opportunity: OpportunityRow): DataGridCellFocusMode {
  if (columnId === 'name') return 'none';
  if (columnId === 'account') return opportunity.account === null ? 'cell' : 'none';
  if (columnId === 'contacts')
    return opportunity.contacts.some((contact) => contact.emailAddress !== null) ? 'group' : 'cell';
  return 'cell';
}

type OpportunitiesTableProps = {
  rows: OpportunityRow[];
  labelledBy: string;
};

/** The opportunities with their account, the contacts involved, owner and estimated value. */
export function OpportunitiesTable({ rows, labelledBy }: OpportunitiesTableProps) {
  const styles = useStyles();
  const t = useText(opportunitiesText);
  const format = useFormat();

  const column = (columnId: ColumnId, renderCell: (opportunity: OpportunityRow) => ReactNode) =>
    createTableColumn<OpportunityRow>({ columnId, renderHeaderCell: () => t(columnId), renderCell });

  const columns = [
    column('name', (opportunity) => (
      <RouterLink to={`/opportunities/${opportunity.id}`} className={styles.wrap}>
        {opportunity.name}
      </RouterLink>
    )),
    column('account', (opportunity) =>
      opportunity.account === null ? (
        t('none')
      ) : (
        <RouterLink to={`/accounts/${opportunity.account.id}`} className={styles.wrap}>
          {opportunity.account.name}
        </RouterLink>
      ),
    ),
    column('contacts', (opportunity) =>
      opportunity.contacts.length === 0 ? (
        t('none')
      ) : (
        <ul className={styles.list}>
          {opportunity.contacts.map((contact) => (
            <li key={contact.id} className={styles.wrap}>
              {contact.firstName} {contact.lastName}
              {contact.emailAddress !== null && (
                <>
                  {' '}
                  <Link href={`mailto:${contact.emailAddress}`}>{contact.emailAddress}</Link>
                </>
              )}
            </li>
          ))}
        </ul>
      ),
    ),
    column('owner', (opportunity) => (
      <span className={styles.wrap}>{opportunity.owner?.displayName ?? t('none')}</span>
    )),
    column('estimatedValue', (opportunity) =>
      opportunity.estimatedValue === null ? t('notEstimated') : format.currency(opportunity.estimatedValue),
    ),
    column('created', (opportunity) => (
      <time dateTime={opportunity.createdAt}>{format.dateTime(opportunity.createdAt)}</time>
    )),
  ];

  return (
    <ConsoleGrid
      items={rows}
      columns={columns}
      getRowId={(opportunity: OpportunityRow) => opportunity.id}
      labelledBy={labelledBy}
      className={styles.grid}
      columnClass={(columnId) => styles[columnId as ColumnId]}
      focusModeOf={(columnId, opportunity) => focusModeOf(columnId as ColumnId, opportunity)}
    />
  );
}
