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
import { DeleteRegular } from '@fluentui/react-icons';
import { useFormat } from '../../../shared/format';
import { useText } from '../../../shared/i18n';
import { apiKeysText } from '../api-keys.strings';
import type { ApiKeyRow } from '../graphql/api-keys.graphql';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  table: { minWidth: '760px' },
  name: { width: '24%', overflowWrap: 'anywhere' },
  prefix: { fontFamily: tokens.fontFamilyMonospace },
  actions: { width: '120px' },
});

type ApiKeysTableProps = {
  keys: ApiKeyRow[];
  labelledBy: string;
  onRevoke: (key: ApiKeyRow) => void;
};

/** The user's keys: which is which (name, first characters), when made and last used, and whether it still works. */
export function ApiKeysTable({ keys, labelledBy, onRevoke }: ApiKeysTableProps) {
  const styles = useStyles();
  const t = useText(apiKeysText);
  const format = useFormat();
  // The revoke dialog opens without a DialogTrigger; this sends focus back to the row's button on close.
  const restoreFocusTarget = useRestoreFocusTarget();
  return (
    <div className={styles.scroller}>
      <Table aria-labelledby={labelledBy} className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.name}>{t('column.name')}</TableHeaderCell>
            <TableHeaderCell>{t('column.prefix')}</TableHeaderCell>
            <TableHeaderCell>{t('column.created')}</TableHeaderCell>
            <TableHeaderCell>{t('column.lastUsed')}</TableHeaderCell>
            <TableHeaderCell>{t('column.status')}</TableHeaderCell>
            <TableHeaderCell className={styles.actions}>{t('column.actions')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {keys.map((key) => (
            <TableRow key={key.id}>
              <TableCell className={styles.name}>{key.name}</TableCell>
              <TableCell>
                <code className={styles.prefix}>{key.prefix}…</code>
              </TableCell>
              <TableCell>
                <time dateTime={key.createdAt}>{format.dateTime(key.createdAt)}</time>
              </TableCell>
              <TableCell>
                {key.lastUsedAt === null || key.lastUsedAt === undefined ? (
                  t('neverUsed')
                ) : (
                  <time dateTime={key.lastUsedAt}>{format.dateTime(key.lastUsedAt)}</time>
                )}
              </TableCell>
              <TableCell>
                {key.revokedAt ? (
                  <Badge appearance="tint" color="subtle">
                    {t('revokedOn', { date: format.dateTime(key.revokedAt) })}
                  </Badge>
                ) : (
                  <Badge appearance="tint" color="success">
                    {t('status.active')}
                  </Badge>
                )}
              </TableCell>
              <TableCell>
                {!key.revokedAt && (
                  <Button
                    size="small"
                    icon={<DeleteRegular />}
                    aria-label={t('revokeKey', { name: key.name })}
                    {...restoreFocusTarget}
                    onClick={() => onRevoke(key)}
                  >
                    {t('revoke')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
