import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from '@fluentui/react-components';
import type { QueueDepth } from '../graphql/sync-health.graphql';
import { QUEUE_LABELS } from '../sync-health.labels';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  number: { width: '12%' },
});

/** Jobs in each worker queue now (every organisation's: the queues are shared). */
export function QueueDepthsTable({ queues, labelledBy }: { queues: readonly QueueDepth[]; labelledBy: string }) {
  const styles = useStyles();
  return (
    <div className={styles.scroller}>
      <Table aria-labelledby={labelledBy} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Queue</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Waiting</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Active</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Delayed</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Failed</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {queues.map((queue) => (
            <TableRow key={queue.queue}>
              <TableCell>{QUEUE_LABELS[queue.queue] ?? queue.queue}</TableCell>
              <TableCell className={styles.number}>{queue.waiting}</TableCell>
              <TableCell className={styles.number}>{queue.active}</TableCell>
              <TableCell className={styles.number}>{queue.delayed}</TableCell>
              <TableCell className={styles.number}>{queue.failed}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
