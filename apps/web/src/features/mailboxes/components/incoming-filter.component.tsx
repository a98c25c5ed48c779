import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Subtitle1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import type { IncomingFilter } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/error-message';
import type { MailboxRecord } from '../graphql/mailbox.graphql';
import { useIncomingFilter } from '../hooks/use-incoming-filter.hook';
import { INCOMING_FILTER_LABELS } from '../mailbox.labels';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  form: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM },
});

const FILTERS = Object.keys(INCOMING_FILTER_LABELS) as IncomingFilter[];

/**
 * Which email arriving in the mailbox becomes CRM email. Offered to the mailbox's owner and to
 * administrators; the API decides, and its refusal shows here.
 */
export function IncomingFilterSection({ mailbox }: { mailbox: MailboxRecord }) {
  const styles = useStyles();
  const headingId = useId();
  const { saving, error, save } = useIncomingFilter(mailbox.id);
  // What the API saved shows until the mailbox, read again after the change, says the same.
  const [saved, setSaved] = useState<IncomingFilter | null>(null);
  const [draft, setDraft] = useState<IncomingFilter | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  if (saved !== null && saved === mailbox.incomingFilter) setSaved(null);
  const current = saved ?? mailbox.incomingFilter;
  const selected = draft ?? current;
  const changed = selected !== current;

  function handleChange(value: string) {
    setDraft(value as IncomingFilter);
    setConfirmed(false);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!changed || saving) return;
    setConfirmed(false);
    const result = await save(selected);
    if (result === null) return;
    setSaved(result);
    setDraft(null);
    setConfirmed(true);
  }

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        Incoming email
      </Subtitle1>
      <Body1>
        Choose which email arriving in this mailbox Mailroom tracks as CRM email. New mailboxes track email messages in
        response to CRM email.
      </Body1>

      {error !== null && !saving && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Could not save the incoming email setting</MessageBarTitle>
            {errorMessage(error)}
          </MessageBarBody>
        </MessageBar>
      )}
      {confirmed && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Saved</MessageBarTitle>
            Email to track: {INCOMING_FILTER_LABELS[current]}.
          </MessageBarBody>
        </MessageBar>
      )}

      <form className={styles.form} aria-labelledby={headingId} onSubmit={handleSubmit}>
        <Field label="Email to track">
          <RadioGroup value={selected} disabled={saving} onChange={(_, data) => handleChange(data.value)}>
            {FILTERS.map((filter) => (
              <Radio key={filter} value={filter} label={INCOMING_FILTER_LABELS[filter]} />
            ))}
          </RadioGroup>
        </Field>
        <Button type="submit" appearance="primary" disabledFocusable={!changed || saving}>
          {saving ? 'Saving…' : 'Save'}
        </Button>
      </form>
    </section>
  );
}
