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
import { useFormat } from '../../../shared/format';
import { useText } from '../../../shared/i18n';
import { useToast } from '../../../shared/toast';
import { alertMessage } from '../alert-message';
import { DismissMailboxAlertMutation, type MailboxAlert } from '../graphql/mailbox.graphql';
import { ALERT_SEVERITY_COLORS } from '../mailbox.labels';
import { alertsText } from '../alerts.strings';
import { mailboxesText } from '../mailboxes.strings';

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
  const t = useText(mailboxesText);
  const notify = useToast();
  const [{ fetching, error }, dismiss] = useMutation(DismissMailboxAlertMutation);

  async function handleDismiss(alertId: string) {
    const result = await dismiss({ alertId });
    if (result.error === undefined) notify({ title: t('alerts.dismissed') });
  }

  return (
    <>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t('alerts.dismissFailed')}</MessageBarTitle>
            {errorMessage(error)}
          </MessageBarBody>
        </MessageBar>
      )}
      {alerts.length === 0 ? (
        <Body1>{t('alerts.none')}</Body1>
      ) : (
        <ul className={styles.list} aria-label={t('alerts.list')}>
          {alerts.map((alert) => (
            <AlertItem
              key={alert.id}
              alert={alert}
              disabled={fetching}
              onDismiss={() => void handleDismiss(alert.id)}
            />
          ))}
        </ul>
      )}
    </>
  );
}

function AlertItem({ alert, disabled, onDismiss }: { alert: MailboxAlert; disabled: boolean; onDismiss: () => void }) {
  const styles = useStyles();
  const t = useText(mailboxesText);
  const alerts = useText(alertsText);
  const format = useFormat();
  const messageId = useId();
  return (
    <li className={styles.alert}>
      <div className={styles.body}>
        <Badge appearance="tint" color={ALERT_SEVERITY_COLORS[alert.severity]} icon={SEVERITY_ICONS[alert.severity]}>
          {t(`alertSeverity.${alert.severity}`)}
        </Badge>
        <Body1 id={messageId}>{alertMessage(alerts, alert)}</Body1>
        <Caption1 className={styles.meta}>
          {t('alerts.seen', { count: alert.count })} · {t('alerts.last')}{' '}
          <time dateTime={alert.lastOccurredAt}>{format.dateTime(alert.lastOccurredAt)}</time>
          {alert.count > 1 && (
            <>
              {' '}
              · {t('alerts.first')}{' '}
              <time dateTime={alert.firstOccurredAt}>{format.dateTime(alert.firstOccurredAt)}</time>
            </>
          )}
        </Caption1>
      </div>
      <Button aria-describedby={messageId} disabled={disabled} onClick={onDismiss}>
        {t('alerts.dismiss')}
      </Button>
    </li>
  );
}
