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
import { useText } from '../../../shared/i18n';
import { useToast } from '../../../shared/toast';
import type { MailboxRecord } from '../graphql/mailbox.graphql';
import { useIncomingFilter } from '../hooks/use-incoming-filter.hook';
import { INCOMING_FILTERS } from '../mailbox.labels';
import { mailboxesText } from '../mailboxes.strings';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  form: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM },
});

/**
 * Which email arriving in the mailbox becomes CRM email. Offered to the mailbox's owner and to
 * administrators; the API decides, and its refusal shows here.
 */
export function IncomingFilterSection({ mailbox }: { mailbox: MailboxRecord }) {
  const styles = useStyles();
  const t = useText(mailboxesText);
  const headingId = useId();
  const notify = useToast();
  const { saving, error, save } = useIncomingFilter(mailbox.id);
  // What the API saved shows until the mailbox, read again after the change, says the same.
  const [saved, setSaved] = useState<IncomingFilter | null>(null);
  const [draft, setDraft] = useState<IncomingFilter | null>(null);
  if (saved !== null && saved === mailbox.incomingFilter) setSaved(null);
  const current = saved ?? mailbox.incomingFilter;
  const selected = draft ?? current;
  const changed = selected !== current;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!changed || saving) return;
    const result = await save(selected);
    if (result === null) return;
    setSaved(result);
    setDraft(null);
    notify({ title: t('incoming.saved'), body: t('incoming.savedBody', { filter: t(`incomingFilter.${result}`) }) });
  }

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t('incoming.title')}
      </Subtitle1>
      <Body1>{t('incoming.intro')}</Body1>

      {error !== null && !saving && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t('incoming.saveFailed')}</MessageBarTitle>
            {errorMessage(error)}
          </MessageBarBody>
        </MessageBar>
      )}

      <form className={styles.form} aria-labelledby={headingId} onSubmit={handleSubmit}>
        <Field label={t('incoming.field')}>
          <RadioGroup value={selected} disabled={saving} onChange={(_, data) => setDraft(data.value as IncomingFilter)}>
            {INCOMING_FILTERS.map((filter) => (
              <Radio key={filter} value={filter} label={t(`incomingFilter.${filter}`)} />
            ))}
          </RadioGroup>
        </Field>
        <Button type="submit" appearance="primary" disabledFocusable={!changed || saving}>
          {saving ? t('saving') : t('save')}
        </Button>
      </form>
    </section>
  );
}
