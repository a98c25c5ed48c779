import type { Translate } from '../../shared/i18n.ts';
import { alertMessage } from './alert-message.ts';
import type { alertsText } from './alerts.strings.ts';
import type { mailboxesText } from './mailboxes.strings.ts';

type MailboxesText = Translate<(typeof mailboxesText)['en']>;
type AlertsText = Translate<(typeof alertsText)['en']>;

/**
 * Why a sync run failed, in the reader's language (null when it did not fail): worded from its code
 * (the API's SYNC_RUN_FAILURE_CODES, under `history.failure.<code>`), or as the mailbox's alert is
 * when the failure disabled the mailbox (the run then has the alert's code and params). A run
 * recorded before codes were kept, or whose code or params the console does not know, shows the
 * API's English message.
 */
export function syncRunFailureText(
  t: MailboxesText,
  alerts: AlertsText,
  run: { failureMessage: string | null; failureCode: string | null; failureParams: Record<string, unknown> | null },
): string | null {
  const { failureMessage: message, failureCode: code, failureParams: params } = run;
  if (message === null || code === null) return message;
  switch (code) {
    case 'INTERNAL_ERROR':
    case 'LEASE_LOST':
      return t(`history.failure.${code}`);
    case 'RETRY_THROTTLED':
    case 'RETRY_UNAVAILABLE': {
      const seconds = params?.seconds;
      return typeof seconds === 'number' ? t(`history.failure.${code}`, { seconds }) : message;
    }
    default:
      return alertMessage(alerts, { code, message, params });
  }
}
