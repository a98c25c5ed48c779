import type { Translate } from '../../shared/i18n.ts';
import type { alertsText } from './alerts.strings.ts';

type Text = Translate<(typeof alertsText)['en']>;

/** The kinds of mailbox alert the API raises (its `ALERT_KINDS`), each worded under `alert.<kind>`. */
export const WORDED_ALERT_KINDS = [
  'NO_EXCHANGE_MAILBOX',
  'MAILBOX_NOT_FOUND',
  'PERMISSION_MISSING',
  'ACCESS_POLICY_DENIED',
  'CREDENTIALS_INVALID',
  'EXCHANGE_UNREACHABLE',
  'TEST_REJECTED',
  'TEST_SUCCEEDED',
  'NOTHING_TO_TEST',
  'MAILBOX_NOT_APPROVED',
  'SYNC_REPEATEDLY_FAILED',
] as const;
type AlertKind = (typeof WORDED_ALERT_KINDS)[number];

const CHANNELS = ['incoming', 'outgoing', 'act'] as const;
type Channel = (typeof CHANNELS)[number];

type Param = 'address' | 'permission' | 'channel' | 'channels' | 'failures';

/** The params each kind's wording needs; without them the API's English message is shown. */
const PARAMS_OF: Record<AlertKind, readonly Param[]> = {
  NO_EXCHANGE_MAILBOX: ['address'],
  MAILBOX_NOT_FOUND: ['address'],
  PERMISSION_MISSING: ['permission', 'channel'],
  ACCESS_POLICY_DENIED: ['address'],
  CREDENTIALS_INVALID: [],
  EXCHANGE_UNREACHABLE: ['channel'],
  TEST_REJECTED: ['channel'],
  TEST_SUCCEEDED: ['address', 'channels'],
  NOTHING_TO_TEST: ['address'],
  MAILBOX_NOT_APPROVED: [],
  SYNC_REPEATEDLY_FAILED: ['address', 'failures'],
};

// A missing permission's code names the permission too (PERMISSION_MISSING_MAIL_SEND).
function kindOf(code: string): AlertKind | null {
  if (code.startsWith('PERMISSION_MISSING_')) return 'PERMISSION_MISSING';
  return WORDED_ALERT_KINDS.find((kind) => kind === code) ?? null;
}

const isChannel = (value: unknown): value is Channel => CHANNELS.some((channel) => channel === value);

/** The wording's values from the alert's params, or null when one is missing or not what it should be. */
function valuesOf(t: Text, kind: AlertKind, params: Record<string, unknown>): Record<string, unknown> | null {
  const values: Record<string, unknown> = {};
  for (const param of PARAMS_OF[kind]) {
    const value = params[param];
    switch (param) {
      case 'address':
      case 'permission':
        if (typeof value !== 'string') return null;
        values[param] = value;
        break;
      case 'failures':
        if (typeof value !== 'number') return null;
        values[param] = value;
        break;
      case 'channel':
        if (!isChannel(value)) return null;
        values[param] = t(`alert.channel.${value}`);
        break;
      case 'channels':
        if (!Array.isArray(value) || value.length === 0 || !value.every(isChannel)) return null;
        values[param] = value.map((channel) => t(`alert.channel.${channel}`)).join(t('alert.channelSeparator'));
        break;
      default: {
        const unreachable: never = param;
        return unreachable;
      }
    }
  }
  return values;
}

/**
 * A mailbox alert in the reader's language, worded from its code and params. An alert the console
 * does not know, or one raised before params were kept, shows the API's English message.
 */
export function alertMessage(
  t: Text,
  alert: { code: string; message: string; params?: Record<string, unknown> | null },
): string {
  const kind = kindOf(alert.code);
  if (kind === null) return alert.message;
  const values = valuesOf(t, kind, alert.params ?? {});
  return values === null ? alert.message : t(`alert.${kind}`, values);
}
