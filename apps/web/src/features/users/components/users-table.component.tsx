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
import type { UserRow } from '../graphql/users.graphql';
import { ROLE_LABELS, SALES_LICENSE_LABELS, STANDARD_ROLES, upnDiffers } from '../user.labels';

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
  // The edit dialog opens without a DialogTrigger; this sends focus back to the row's button on close.
  const restoreFocusTarget = useRestoreFocusTarget();
  return (
    <div className={styles.scroller}>
      <Table aria-labelledby={labelledBy} className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.name}>Name</TableHeaderCell>
            <TableHeaderCell className={styles.email}>Primary email</TableHeaderCell>
            <TableHeaderCell className={styles.upn}>UPN</TableHeaderCell>
            <TableHeaderCell>Exchange licence</TableHeaderCell>
            <TableHeaderCell>Sales licence</TableHeaderCell>
            <TableHeaderCell>Roles</TableHeaderCell>
            <TableHeaderCell className={styles.actions}>Actions</TableHeaderCell>
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
                      Disabled
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
                      UPN differs
                    </Badge>
                  )}
                </div>
              </TableCell>
              <TableCell>
                <Badge appearance="tint" color={user.exchangeLicenseValid ? 'success' : 'warning'}>
                  {user.exchangeLicenseValid ? 'Valid' : 'None'}
                </Badge>
              </TableCell>
              <TableCell>{SALES_LICENSE_LABELS[user.salesLicense]}</TableCell>
              <TableCell>
                {user.roles.length === 0
                  ? 'None'
                  : STANDARD_ROLES.filter((role) => user.roles.includes(role))
                      .map((role) => ROLE_LABELS[role])
                      .join(', ')}
              </TableCell>
              <TableCell>
                <Button
                  size="small"
                  icon={<EditRegular />}
                  aria-label={`Edit ${user.displayName}`}
                  {...restoreFocusTarget}
                  onClick={() => onEdit(user)}
                >
                  Edit
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
