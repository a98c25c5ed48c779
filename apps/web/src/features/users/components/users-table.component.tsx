import {
  Badge,
  Button,
  createTableColumn,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { ConsoleGrid } from '../../../shared/console-grid.component';
import { useText } from '../../../shared/i18n';
import type { UserRow } from '../graphql/users.graphql';
import { STANDARD_ROLES, upnDiffers } from '../user.labels';
import { usersText } from '../users.strings';

const useStyles = makeStyles({
  // Fits the page at 1280 px with the navigation open, Italian headers included.
  grid: { minWidth: '860px' },
  // Cells share the row by these weights; addresses get the most room and wrap anywhere.
  name: { flexGrow: 3 },
  primaryEmail: { flexGrow: 4 },
  upn: { flexGrow: 4 },
  exchangeLicence: { flexGrow: 2 },
  salesLicence: { flexGrow: 2 },
  roles: { flexGrow: 3 },
  actions: { flex: '0 0 120px' },
  wrap: { overflowWrap: 'anywhere', minWidth: 0 },
  cell: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
    paddingBlock: tokens.spacingVerticalS,
  },
});

type ColumnId = 'name' | 'primaryEmail' | 'upn' | 'exchangeLicence' | 'salesLicence' | 'roles' | 'actions';

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

  const column = (columnId: ColumnId, renderCell: (user: UserRow) => ReactNode) =>
    createTableColumn<UserRow>({ columnId, renderHeaderCell: () => t(`column.${columnId}`), renderCell });

  const columns = [
    column('name', (user) => (
      <div className={styles.cell}>
        <span className={styles.wrap}>{user.displayName}</span>
        {user.disabled && (
          <Badge appearance="tint" color="subtle">
            {t('disabled')}
          </Badge>
        )}
      </div>
    )),
    column('primaryEmail', (user) => <span className={styles.wrap}>{user.primaryEmail}</span>),
    column('upn', (user) => (
      <div className={styles.cell}>
        <span className={styles.wrap}>{user.userPrincipalName}</span>
        {upnDiffers(user) && (
          <Badge appearance="tint" color="warning">
            {t('upnDiffers')}
          </Badge>
        )}
      </div>
    )),
    column('exchangeLicence', (user) => (
      <Badge appearance="tint" color={user.exchangeLicenseValid ? 'success' : 'warning'}>
        {user.exchangeLicenseValid ? t('exchangeValid') : t('exchangeNone')}
      </Badge>
    )),
    column('salesLicence', (user) => <span className={styles.wrap}>{t(`licence.${user.salesLicense}`)}</span>),
    column('roles', (user) => (
      <span className={styles.wrap}>
        {user.roles.length === 0
          ? t('noRoles')
          : STANDARD_ROLES.filter((role) => user.roles.includes(role))
              .map((role) => t(`role.${role}`))
              .join(', ')}
      </span>
    )),
    column('actions', (user) => (
      <Button
        size="small"
        icon={<EditRegular />}
        aria-label={t('editUser', { name: user.displayName })}
        {...restoreFocusTarget}
        onClick={() => onEdit(user)}
      >
        {t('edit')}
      </Button>
    )),
  ];

  const widthOf = (columnId: string | number) => styles[columnId as ColumnId];

  return (
    <ConsoleGrid
      items={rows}
      columns={columns}
      getRowId={(user: UserRow) => user.id}
      labelledBy={labelledBy}
      className={styles.grid}
      columnClass={widthOf}
      // The actions cell holds one button: the arrow keys land on it rather than on the cell.
      focusModeOf={(columnId) => (columnId === 'actions' ? 'none' : 'cell')}
    />
  );
}
