import {
  Badge,
  Button,
  createTableColumn,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useFormat } from '../../../shared/format';
import { ConsoleGrid } from '../../../shared/console-grid.component';
import { useText } from '../../../shared/i18n';
import { apiKeysText } from '../api-keys.strings';
import type { ApiKeyRow } from '../graphql/api-keys.graphql';

const useStyles = makeStyles({
  grid: { minWidth: '720px' },
  // Cells share the row by these weights.
  name: { flexGrow: 3 },
  prefix: { flexGrow: 2 },
  created: { flexGrow: 2 },
  lastUsed: { flexGrow: 2 },
  status: { flexGrow: 2 },
  actions: { flex: '0 0 120px' },
  wrap: { overflowWrap: 'anywhere', minWidth: 0 },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere', minWidth: 0 },
  // A revoked key's badge carries the date: let it wrap rather than spill into the next column.
  badge: { height: 'auto', minHeight: '20px', whiteSpace: 'normal' },
});

type ColumnId = 'name' | 'prefix' | 'created' | 'lastUsed' | 'status' | 'actions';

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

  const column = (columnId: ColumnId, renderCell: (key: ApiKeyRow) => ReactNode) =>
    createTableColumn<ApiKeyRow>({ columnId, renderHeaderCell: () => t(`column.${columnId}`), renderCell });

  const columns = [
    column('name', (key) => <span className={styles.wrap}>{key.name}</span>),
    column('prefix', (key) => <code className={styles.code}>{key.prefix}…</code>),
    column('created', (key) => <time dateTime={key.createdAt}>{format.dateTime(key.createdAt)}</time>),
    column('lastUsed', (key) =>
      key.lastUsedAt === null || key.lastUsedAt === undefined ? (
        t('neverUsed')
      ) : (
        <time dateTime={key.lastUsedAt}>{format.dateTime(key.lastUsedAt)}</time>
      ),
    ),
    column('status', (key) =>
      key.revokedAt ? (
        <Badge appearance="tint" color="subtle" className={styles.badge}>
          {t('revokedOn', { date: format.dateTime(key.revokedAt) })}
        </Badge>
      ) : (
        <Badge appearance="tint" color="success">
          {t('status.active')}
        </Badge>
      ),
    ),
    column('actions', (key) =>
      key.revokedAt ? null : (
        <Button
          size="small"
          icon={<DeleteRegular />}
          aria-label={t('revokeKey', { name: key.name })}
          {...restoreFocusTarget}
          onClick={() => onRevoke(key)}
        >
          {t('revoke')}
        </Button>
      ),
    ),
  ];

  return (
    <ConsoleGrid
      items={keys}
      columns={columns}
      getRowId={(key: ApiKeyRow) => key.id}
      labelledBy={labelledBy}
      className={styles.grid}
      columnClass={(columnId) => styles[columnId as ColumnId]}
      // An active key's actions cell holds one button: the arrow keys land on it rather than on the cell.
      focusModeOf={(columnId, key) => (columnId === 'actions' && !key.revokedAt ? 'none' : 'cell')}
    />
  );
}
