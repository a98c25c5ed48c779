import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { SendRegular } from '@fluentui/react-icons';
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { errorMessage } from '../../../shared/error-message';
import { useText } from '../../../shared/i18n';
import { addressesProblem, parseAddresses, textToHtml } from '../email-text';
import { SendEmailMutation, type TimelineActivity } from '../graphql/timeline.graphql';
import { timelineText } from '../timeline.strings';
import { useComposerStyles } from './timeline.styles';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

type Values = { to: string; cc: string; subject: string; body: string };

type EmailComposerProps = {
  /** The record the email is about; it lands on that record's timeline. */
  regardingId: string;
  /** Whom the email goes to unless the user changes it. */
  defaultTo: readonly string[];
  onSent: (email: TimelineActivity) => void;
};

/** Writes an email from a record; the user's mailbox sends it, and it shows on the record's timeline. */
export function EmailComposer({ regardingId, defaultTo, onSent }: EmailComposerProps) {
  const styles = { ...useComposerStyles(), ...useStyles() };
  const headingId = useId();
  const t = useText(timelineText);
  const initial = (): Values => ({ to: defaultTo.join('; '), cc: '', subject: '', body: '' });
  const [values, setValues] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const [sentSubject, setSentSubject] = useState<string | null>(null);
  const [{ fetching, error }, sendEmail] = useMutation(SendEmailMutation);

  const problems = {
    to: addressesProblem(values.to, true, t),
    cc: addressesProblem(values.cc, false, t),
    subject: values.subject.trim() === '' ? t('composer.addSubject') : undefined,
  };

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((previous) => ({ ...previous, [key]: value }));
    setSentSubject(null);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (problems.to || problems.cc || problems.subject) return;
    const result = await sendEmail({
      input: {
        regardingId,
        to: parseAddresses(values.to),
        cc: parseAddresses(values.cc),
        subject: values.subject.trim(),
        body: textToHtml(values.body),
      },
    });
    const email = result.data?.sendEmail;
    if (email === undefined) return;
    onSent({ ...email, __typename: 'Email' });
    setSentSubject(email.subject);
    setValues(initial());
    setSubmitted(false);
  }

  return (
    <form className={styles.form} aria-labelledby={headingId} onSubmit={handleSubmit} noValidate>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t('emailComposer.heading')}
      </Subtitle1>

      {error && !fetching && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t('emailComposer.failed')}</MessageBarTitle>
            {errorMessage(error)}
          </MessageBarBody>
        </MessageBar>
      )}
      {sentSubject !== null && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>{t('emailComposer.queued')}</MessageBarTitle>
            {t('emailComposer.queuedDetail', { subject: sentSubject })}
          </MessageBarBody>
        </MessageBar>
      )}

      <Field
        label={t('email.to')}
        required
        hint={t('composer.addressesHint')}
        validationMessage={submitted ? problems.to : undefined}
      >
        <Input value={values.to} onChange={(_, data) => set('to', data.value)} autoComplete="off" spellCheck={false} />
      </Field>
      <Field label={t('email.cc')} validationMessage={submitted ? problems.cc : undefined}>
        <Input value={values.cc} onChange={(_, data) => set('cc', data.value)} autoComplete="off" spellCheck={false} />
      </Field>
      <Field label={t('composer.subject')} required validationMessage={submitted ? problems.subject : undefined}>
        <Input value={values.subject} onChange={(_, data) => set('subject', data.value)} autoComplete="off" />
      </Field>
      <Field label={t('emailComposer.message')} hint={t('emailComposer.messageHint')}>
        <Textarea value={values.body} onChange={(_, data) => set('body', data.value)} rows={8} resize="vertical" />
      </Field>

      <div className={styles.actions}>
        <Button type="submit" appearance="primary" icon={<SendRegular />} disabledFocusable={fetching}>
          {fetching ? t('emailComposer.sending') : t('emailComposer.send')}
        </Button>
      </div>
    </form>
  );
}
