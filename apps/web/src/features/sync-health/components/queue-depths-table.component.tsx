import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from '@fluentui/react-components';
import { useFormat } from '../../../shared/format';
import { useText } from '../../../shared/i18n';
import type { QueueDepth } from '../graphql/sync-health.graphql';
import { queueLabel } from '../sync-health.labels';
import { syncHealthText } from '../sync-health.strings';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  number: { width: '12%' },
});

/** Jobs in each worker queue now (every organisation's: the queues are shared). */
export function QueueDepthsTable({ queues, labelledBy }: { queues: readonly QueueDepth[]; labelledBy: string }) {
  const styles = useStyles();
  const t = useText(syncHealthText);
  const format = useFormat();
  return (
    <div className={styles.scroller}>
      <Table aria-labelledby={labelledBy} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('queue')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t('waiting')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t('active')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t('delayed')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t('failed')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {queues.map((queue) => (
            <TableRow key={queue.queue}>
              <TableCell>{queueLabel(queue.queue, t)}</TableCell>
              <TableCell className={styles.number}>{format.number(queue.waiting)}</TableCell>
              <TableCell className={styles.number}>{format.number(queue.active)}</TableCell>
              <TableCell className={styles.number}>{format.number(queue.delayed)}</TableCell>
              <TableCell className={styles.number}>{format.number(queue.failed)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
