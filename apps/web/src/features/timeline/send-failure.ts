import type { TimelineTranslate } from './timeline.strings.ts';

/** How Exchange refused a mailbox that cannot send (the API's MAILBOX_SEND_FAILURE_KINDS). */
const MAILBOX_KINDS = ['AUTH_FAILED', 'PERMISSION_MISSING', 'ACCESS_POLICY_DENIED', 'MAILBOX_UNAVAILABLE'] as const;

/**
 * Why an email was not sent, in the reader's language: worded from its code (the API's
 * SEND_FAILURE_CODES, under `sendFailure.<code>`) and params. A failure the console does not know,
 * or one recorded before codes were kept, shows the API's English reason (null when there is none).
 */
export function sendFailureText(
  t: TimelineTranslate,
  email: { failureReason: string | null; failureCode: string | null; failureParams: Record<string, unknown> | null },
): string | null {
  const { failureReason: reason, failureCode: code, failureParams: params } = email;
  switch (code) {
    case 'MAILBOX_NOT_ENABLED':
    case 'NOT_CONNECTED':
    case 'NOT_CONFIRMED':
    case 'EMAIL_REFUSED':
      return t(`sendFailure.${code}`);
    case 'MAILBOX_REFUSED': {
      const address = params?.address;
      const kind = MAILBOX_KINDS.find((known) => known === params?.kind);
      if (typeof address !== 'string' || kind === undefined) return reason;
      return t('sendFailure.MAILBOX_REFUSED', { address, kind: t(`sendFailure.kind.${kind}`) });
    }
    default:
      return reason;
  }
}
