import {
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useFormat } from '../../../shared/format';
import { useText } from '../../../shared/i18n';
import { RouterLink } from '../../../shared/router-link.component';
import type { OpportunityRow } from '../graphql/opportunities.graphql';
import { opportunitiesText } from '../opportunities.strings';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  table: { minWidth: '1080px' },
  name: { width: '18%' },
  account: { width: '16%' },
  contacts: { width: '26%' },
  wrap: { overflowWrap: 'anywhere' },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
  },
});

type OpportunitiesTableProps = {
  rows: OpportunityRow[];
  labelledBy: string;
};

/** The opportunities with their account, the contacts involved, owner and estimated value. */
export function OpportunitiesTable({ rows, labelledBy }: OpportunitiesTableProps) {
  const styles = useStyles();
  const t = useText(opportunitiesText);
  const format = useFormat();
  return (
    <div className={styles.scroller}>
      <Table aria-labelledby={labelledBy} className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.name}>{t('name')}</TableHeaderCell>
            <TableHeaderCell className={styles.account}>{t('account')}</TableHeaderCell>
            <TableHeaderCell className={styles.contacts}>{t('contacts')}</TableHeaderCell>
            <TableHeaderCell>{t('owner')}</TableHeaderCell>
            <TableHeaderCell>{t('estimatedValue')}</TableHeaderCell>
            <TableHeaderCell>{t('created')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((opportunity) => (
            <TableRow key={opportunity.id}>
              <TableCell className={styles.wrap}>
                <RouterLink to={`/opportunities/${opportunity.id}`}>{opportunity.name}</RouterLink>
              </TableCell>
              <TableCell className={styles.wrap}>
                {opportunity.account === null ? (
                  t('none')
                ) : (
                  <RouterLink to={`/accounts/${opportunity.account.id}`}>{opportunity.account.name}</RouterLink>
                )}
              </TableCell>
              <TableCell>
                {opportunity.contacts.length === 0 ? (
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
                )}
              </TableCell>
              <TableCell>{opportunity.owner?.displayName ?? t('none')}</TableCell>
              <TableCell>
                {opportunity.estimatedValue === null ? t('notEstimated') : format.currency(opportunity.estimatedValue)}
              </TableCell>
              <TableCell>{format.dateTime(opportunity.createdAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
