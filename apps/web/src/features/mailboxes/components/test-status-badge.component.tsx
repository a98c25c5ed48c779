import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { TestStatus } from '../../../gql/graphql';
import { useText } from '../../../shared/i18n';
import { TEST_STATUS_COLORS } from '../mailbox.labels';
import { mailboxesText } from '../mailboxes.strings';

// A badge is one line high; a longer label (Italian's "Non eseguito") wraps in a narrow column and
// would spill over its border, so it grows with its text instead.
const useStyles = makeStyles({
  badge: { height: 'auto', minHeight: '20px', paddingBlock: tokens.spacingVerticalXXS, textAlign: 'center' },
});

export function TestStatusBadge({ status }: { status: TestStatus }) {
  const t = useText(mailboxesText);
  const styles = useStyles();
  return (
    <Badge appearance="tint" color={TEST_STATUS_COLORS[status]} className={styles.badge}>
      {t(`testStatus.${status}`)}
    </Badge>
  );
}
