import { Badge, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2 } from '@fluentui/react-components';
import { MailArrowDownRegular, MailArrowUpRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { useFormat } from '../../../shared/format';
import { useText } from '../../../shared/i18n';
import { RouterLink } from '../../../shared/router-link.component';
import type { EmailParty, TimelineEmail } from '../graphql/timeline.graphql';
import { EmailBody } from './email-body.component';
import { sendFailureText } from '../send-failure';
import { EMAIL_STATUS_COLORS, RECORD_PATHS } from '../timeline.labels';
import { timelineText } from '../timeline.strings';
import { useActivityStyles } from './timeline.styles';

function partyText(party: EmailParty): string {
  const name = party.name?.trim();
  return name && name.toLowerCase() !== party.address.toLowerCase() ? `${name} <${party.address}>` : party.address;
}

type EmailActivityProps = {
  email: TimelineEmail;
  /** The record whose timeline shows it; "Regarding" is said only for another record. */
  regardingId: string;
};

/** One email on a timeline: direction, subject, status, parties, and the body as the API sanitised it. */
export function EmailActivity({ email, regardingId }: EmailActivityProps) {
  const styles = useActivityStyles();
  const t = useText(timelineText);
  const format = useFormat();
  const subjectId = useId();
  const subject = email.subject.trim() === '' ? t('email.noSubject') : email.subject;
  const regardingPath = email.regarding ? RECORD_PATHS[email.regarding.type] : undefined;

  return (
    <article className={styles.root} aria-labelledby={subjectId}>
      <div className={styles.header}>
        <span className={styles.kind}>
          {email.direction === 'OUTGOING' ? <MailArrowUpRegular aria-hidden /> : <MailArrowDownRegular aria-hidden />}
          <Caption1>{t(`direction.${email.direction}`)}</Caption1>
        </span>
        <Subtitle2 as="h3" id={subjectId} className={styles.subject}>
          {subject}
        </Subtitle2>
        <Badge appearance="tint" color={EMAIL_STATUS_COLORS[email.status]}>
          {t(`emailStatus.${email.status}`)}
        </Badge>
        <Caption1 className={styles.muted}>
          <time dateTime={email.occurredAt}>{format.dateTime(email.occurredAt)}</time>
        </Caption1>
      </div>

      <dl className={styles.details}>
        <dt className={styles.term}>{t('email.from')}</dt>
        <dd className={styles.value}>{email.from ? partyText(email.from) : t('email.unknownSender')}</dd>
        <dt className={styles.term}>{t('email.to')}</dt>
        <dd className={styles.value}>
          {email.to.length === 0 ? t('email.noOne') : email.to.map(partyText).join(', ')}
        </dd>
        {email.cc.length > 0 && (
          <>
            <dt className={styles.term}>{t('email.cc')}</dt>
            <dd className={styles.value}>{email.cc.map(partyText).join(', ')}</dd>
          </>
        )}
        {email.regarding && email.regarding.id !== regardingId && (
          <>
            <dt className={styles.term}>{t('regarding')}</dt>
            <dd className={styles.value}>
              {regardingPath === undefined ? (
                email.regarding.name
              ) : (
                <RouterLink to={`${regardingPath}/${email.regarding.id}`}>{email.regarding.name}</RouterLink>
              )}
            </dd>
          </>
        )}
      </dl>

      {email.status === 'FAILED' && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t('email.notSent')}</MessageBarTitle>
            {sendFailureText(t, email) ?? t('email.sendingFailed')}
          </MessageBarBody>
        </MessageBar>
      )}

      <EmailBody html={email.bodyHtml} label={t('email.bodyLabel', { subject })} />

      {email.copies.length > 0 && (
        <Caption1 className={styles.muted}>
          {t('email.copies', {
            count: email.copies.length,
            addresses: email.copies.map((copy) => copy.emailAddress).join(', '),
          })}
        </Caption1>
      )}
    </article>
  );
}
