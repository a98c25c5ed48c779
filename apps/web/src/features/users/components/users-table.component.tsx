import {
  Badge,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import { useText } from '../../../shared/i18n';
import type { UserRow } from '../graphql/users.graphql';
import { STANDARD_ROLES, upnDiffers } from '../user.labels';
import { usersText } from '../users.strings';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  table: { minWidth: '1080px' },
  name: { width: '16%' },
  email: { width: '20%' },
  upn: { width: '24%' },
  wrap: { overflowWrap: 'anywhere' },
  cell: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalS,
  },
  actions: { width: '96px' },
});

type UsersTableProps = {
  rows: UserRow[];
  labelledBy: string;
  onEdit: (user: UserRow) => void;
};

/** The users with what Configure email looks at: addresses, licences and roles. */
export function UsersTable({ rows, labelledBy, onEdit }: UsersTableProps) {
  const styles = useStyles();
  const t = useText(usersText);
  // The edit dialog opens without a DialogTrigger; this sends focus back to the row's button on close.
  const restoreFocusTarget = useRestoreFocusTarget();
  return (
    <div className={styles.scroller}>
      <Table aria-labelledby={labelledBy} className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.name}>{t('column.name')}</TableHeaderCell>
            <TableHeaderCell className={styles.email}>{t('column.primaryEmail')}</TableHeaderCell>
            <TableHeaderCell className={styles.upn}>{t('column.upn')}</TableHeaderCell>
            <TableHeaderCell>{t('column.exchangeLicence')}</TableHeaderCell>
            <TableHeaderCell>{t('column.salesLicence')}</TableHeaderCell>
            <TableHeaderCell>{t('column.roles')}</TableHeaderCell>
            <TableHeaderCell className={styles.actions}>{t('column.actions')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((user) => (
            <TableRow key={user.id}>
              <TableCell>
                <div className={styles.cell}>
                  {user.displayName}
                  {user.disabled && (
                    <Badge appearance="tint" color="subtle">
                      {t('disabled')}
                    </Badge>
                  )}
                </div>
              </TableCell>
              <TableCell className={styles.wrap}>{user.primaryEmail}</TableCell>
              <TableCell>
                <div className={styles.cell}>
                  <span className={styles.wrap}>{user.userPrincipalName}</span>
                  {upnDiffers(user) && (
                    <Badge appearance="tint" color="warning">
                      {t('upnDiffers')}
                    </Badge>
                  )}
                </div>
              </TableCell>
              <TableCell>
                <Badge appearance="tint" color={user.exchangeLicenseValid ? 'success' : 'warning'}>
                  {user.exchangeLicenseValid ? t('exchangeValid') : t('exchangeNone')}
                </Badge>
              </TableCell>
              <TableCell>{t(`licence.${user.salesLicense}`)}</TableCell>
              <TableCell>
                {user.roles.length === 0
                  ? t('noRoles')
                  : STANDARD_ROLES.filter((role) => user.roles.includes(role))
                      .map((role) => t(`role.${role}`))
                      .join(', ')}
              </TableCell>
              <TableCell>
                <Button
                  size="small"
                  icon={<EditRegular />}
                  aria-label={t('editUser', { name: user.displayName })}
                  {...restoreFocusTarget}
                  onClick={() => onEdit(user)}
                >
                  {t('edit')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
