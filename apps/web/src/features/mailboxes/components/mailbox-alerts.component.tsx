import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ErrorCircleRegular, InfoRegular, WarningRegular } from '@fluentui/react-icons';
import { useId, type ReactElement } from 'react';
import { useMutation } from 'urql';
import type { AlertSeverity } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/error-message';
import { formatDateTime } from '../../../shared/format-date-time';
import { DismissMailboxAlertMutation, type MailboxAlert } from '../graphql/mailbox.graphql';
import { ALERT_SEVERITY_COLORS, ALERT_SEVERITY_LABELS } from '../mailbox.labels';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  alert: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    alignItems: 'start',
    gap: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  body: { display: 'flex', flexDirection: 'column', alignItems: 'start', gap: tokens.spacingVerticalXS },
  meta: { color: tokens.colorNeutralForeground3 },
});

const SEVERITY_ICONS: Record<AlertSeverity, ReactElement> = {
  ERROR: <ErrorCircleRegular />,
  WARNING: <WarningRegular />,
  INFORMATION: <InfoRegular />,
};

type MailboxAlertsProps = { alerts: MailboxAlert[] };

/** A mailbox's open alerts, newest first, each dismissible. */
export function MailboxAlerts({ alerts }: MailboxAlertsProps) {
  const styles = useStyles();
  const [{ fetching, error }, dismiss] = useMutation(DismissMailboxAlertMutation);

  return (
    <>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Could not dismiss the alert</MessageBarTitle>
            {errorMessage(error)}
          </MessageBarBody>
        </MessageBar>
      )}
      {alerts.length === 0 ? (
        <Body1>No open alerts.</Body1>
      ) : (
        <ul className={styles.list} aria-label="Open alerts">
          {alerts.map((alert) => (
            <AlertItem
              key={alert.id}
              alert={alert}
              disabled={fetching}
              onDismiss={() => dismiss({ alertId: alert.id })}
            />
          ))}
        </ul>
      )}
    </>
  );
}

function AlertItem({ alert, disabled, onDismiss }: { alert: MailboxAlert; disabled: boolean; onDismiss: () => void }) {
  const styles = useStyles();
  const messageId = useId();
  return (
    <li className={styles.alert}>
      <div className={styles.body}>
        <Badge appearance="tint" color={ALERT_SEVERITY_COLORS[alert.severity]} icon={SEVERITY_ICONS[alert.severity]}>
          {ALERT_SEVERITY_LABELS[alert.severity]}
        </Badge>
        <Body1 id={messageId}>{alert.message}</Body1>
        <Caption1 className={styles.meta}>
          Seen {alert.count} {alert.count === 1 ? 'time' : 'times'} · last{' '}
          <time dateTime={alert.lastOccurredAt}>{formatDateTime(alert.lastOccurredAt)}</time>
          {alert.count > 1 && (
            <>
              {' '}
              · first <time dateTime={alert.firstOccurredAt}>{formatDateTime(alert.firstOccurredAt)}</time>
            </>
          )}
        </Caption1>
      </div>
      <Button aria-describedby={messageId} disabled={disabled} onClick={onDismiss}>
        Dismiss
      </Button>
    </li>
  );
}
