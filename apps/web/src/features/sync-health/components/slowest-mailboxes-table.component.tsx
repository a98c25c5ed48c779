import {
  Badge,
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
import { RouterLink } from '../../../shared/router-link.component';
import type { LaggingMailbox } from '../graphql/sync-health.graphql';
import { formatLag } from '../sync-health.labels';
import { syncHealthText } from '../sync-health.strings';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  wrap: { overflowWrap: 'anywhere' },
});

/** The enabled mailboxes longest without a successful sync, most behind first, each linking to its page. */
export function SlowestMailboxesTable({
  mailboxes,
  labelledBy,
}: {
  mailboxes: readonly LaggingMailbox[];
  labelledBy: string;
}) {
  const styles = useStyles();
  const t = useText(syncHealthText);
  const format = useFormat();
  return (
    <div className={styles.scroller}>
      <Table aria-labelledby={labelledBy} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('mailbox')}</TableHeaderCell>
            <TableHeaderCell>{t('behindBy')}</TableHeaderCell>
            <TableHeaderCell>{t('lastSynced')}</TableHeaderCell>
            <TableHeaderCell>{t('failuresInARow')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {mailboxes.map((mailbox) => (
            <TableRow key={mailbox.id}>
              <TableCell className={styles.wrap}>
                <RouterLink to={`/mailboxes/${mailbox.id}`}>{mailbox.emailAddress}</RouterLink>
              </TableCell>
              <TableCell>{formatLag(mailbox.lagSeconds, t)}</TableCell>
              <TableCell>{mailbox.lastSyncAt === null ? t('never') : format.dateTime(mailbox.lastSyncAt)}</TableCell>
              <TableCell>
                {mailbox.consecutiveFailures > 0 ? (
                  <Badge appearance="tint" color="danger">
                    {format.number(mailbox.consecutiveFailures)}
                  </Badge>
                ) : (
                  0
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
