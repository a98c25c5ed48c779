import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
  Subtitle2,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { UpdateEmailServerProfileInput } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/error-message';
import { useText } from '../../../shared/i18n';
import { useToast } from '../../../shared/toast';
import { emailServerProfilesText } from '../email-server-profiles.strings';
import {
  UpdateEmailServerProfileMutation,
  type EmailServerProfileFields,
} from '../graphql/email-server-profiles.graphql';

const useStyles = makeStyles({
  // A plain box, not Fluent's Card: the form needs none of Card's focus handling, which costs ~37 kB.
  card: {
    maxWidth: '880px',
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  heading: { margin: 0 },
  section: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
    // A field beside one with a longer hint keeps its own height.
    alignItems: 'start',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalM,
  },
  sectionHeading: { gridColumn: '1 / -1', margin: 0 },
  wide: { gridColumn: '1 / -1' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** The editable settings, as the inputs hold them. */
type Values = {
  name: string;
  graphEndpoint: string;
  authorityUrl: string;
  /** `YYYY-MM-DD` (a UTC day) or empty. */
  processEmailReceivedAfter: string;
  /** As typed; a whole number when valid. */
  minPollingIntervalSeconds: string;
  maxConcurrentRequestsPerMailbox: string;
  moveFailedToUndeliverable: boolean;
};

function valuesOf(profile: EmailServerProfileFields): Values {
  return {
    name: profile.name,
    graphEndpoint: profile.graphEndpoint,
    authorityUrl: profile.authorityUrl,
    processEmailReceivedAfter: profile.processEmailReceivedAfter?.slice(0, 10) ?? '',
    minPollingIntervalSeconds: String(profile.minPollingIntervalSeconds),
    maxConcurrentRequestsPerMailbox: String(profile.maxConcurrentRequestsPerMailbox),
    moveFailedToUndeliverable: profile.moveFailedToUndeliverable,
  };
}

/** Only what differs from the saved profile, so a save never overwrites a setting nobody touched. */
function changesOf(id: string, saved: Values, values: Values, clientSecret: string): UpdateEmailServerProfileInput {
  const input: UpdateEmailServerProfileInput = { id };
  if (values.name !== saved.name) input.name = values.name;
  if (values.graphEndpoint !== saved.graphEndpoint) input.graphEndpoint = values.graphEndpoint.trim();
  if (values.authorityUrl !== saved.authorityUrl) input.authorityUrl = values.authorityUrl.trim();
  if (values.processEmailReceivedAfter !== saved.processEmailReceivedAfter) {
    input.processEmailReceivedAfter =
      values.processEmailReceivedAfter === '' ? null : `${values.processEmailReceivedAfter}T00:00:00.000Z`;
  }
  if (values.minPollingIntervalSeconds !== saved.minPollingIntervalSeconds) {
    input.minPollingIntervalSeconds = wholeNumber(values.minPollingIntervalSeconds);
  }
  if (values.maxConcurrentRequestsPerMailbox !== saved.maxConcurrentRequestsPerMailbox) {
    input.maxConcurrentRequestsPerMailbox = wholeNumber(values.maxConcurrentRequestsPerMailbox);
  }
  if (values.moveFailedToUndeliverable !== saved.moveFailedToUndeliverable) {
    input.moveFailedToUndeliverable = values.moveFailedToUndeliverable;
  }
  if (clientSecret !== '') input.clientSecret = clientSecret;
  return input;
}

/** The API takes whole numbers only; anything else is for the form to point out. */
function wholeNumber(text: string): number | null {
  const number = text.trim() === '' ? Number.NaN : Number(text);
  return Number.isInteger(number) ? number : null;
}

export function EmailServerProfileForm({ profile: loaded }: { profile: EmailServerProfileFields }) {
  const styles = useStyles();
  const t = useText(emailServerProfilesText);
  const headingId = useId();
  const connectionId = useId();
  const processingId = useId();
  // The profile the form started from or last saved; the changes are what differs from it.
  const [profile, setProfile] = useState(loaded);
  const [lastLoaded, setLastLoaded] = useState(loaded);
  const [values, setValues] = useState(() => valuesOf(loaded));
  const [clientSecret, setClientSecret] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const notify = useToast();
  const [{ fetching, error }, updateProfile] = useMutation(UpdateEmailServerProfileMutation);

  const input = changesOf(profile.id, valuesOf(profile), values, clientSecret);
  const changed = Object.keys(input).length > 1;

  // A newer profile from the server (a refetch, Configure email) replaces the form's only while
  // nothing is being edited; mid-edit, the next save keeps what the user did not touch.
  if (loaded !== lastLoaded) {
    setLastLoaded(loaded);
    if (!changed) {
      setProfile(loaded);
      setValues(valuesOf(loaded));
    }
  }
  const invalid = {
    minPollingIntervalSeconds: wholeNumber(values.minPollingIntervalSeconds) === null,
    maxConcurrentRequestsPerMailbox: wholeNumber(values.maxConcurrentRequestsPerMailbox) === null,
  };

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((previous) => ({ ...previous, [key]: value }));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (!changed || invalid.minPollingIntervalSeconds || invalid.maxConcurrentRequestsPerMailbox) return;
    const result = await updateProfile({ input });
    // The secret leaves the page once sent, whatever the answer.
    setClientSecret('');
    setSubmitted(false);
    const next = result.data?.updateEmailServerProfile;
    if (next === undefined) return;
    setProfile(next);
    setValues(valuesOf(next));
    notify({
      title: t('saved', { name: next.name }),
      body: input.clientSecret === undefined ? t('savedBody') : t('savedWithSecret'),
    });
  }

  return (
    <div className={styles.card}>
      <form className={styles.form} aria-labelledby={headingId} onSubmit={handleSubmit} noValidate>
        <div className={styles.header}>
          <Subtitle1 as="h2" id={headingId} className={styles.heading}>
            {profile.name}
          </Subtitle1>
          {profile.isDefault && (
            <Badge appearance="filled" color="brand">
              {t('default')}
            </Badge>
          )}
        </div>

        {error && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{t('saveFailed')}</MessageBarTitle>
              {errorMessage(error)}
            </MessageBarBody>
          </MessageBar>
        )}

        <div role="group" aria-labelledby={connectionId} className={styles.section}>
          <Subtitle2 as="h3" id={connectionId} className={styles.sectionHeading}>
            {t('connection')}
          </Subtitle2>
          <Field label={t('name')} required>
            <Input value={values.name} onChange={(_, data) => set('name', data.value)} autoComplete="off" />
          </Field>
          <Field label={t('serverType')}>
            <Input
              value={profile.serverType === 'EXCHANGE_ONLINE' ? t('serverType.EXCHANGE_ONLINE') : profile.serverType}
              readOnly
              appearance="filled-darker"
            />
          </Field>
          <Field label={t('graphEndpoint')} hint={t('graphEndpointHint')}>
            <Input
              type="url"
              value={values.graphEndpoint}
              onChange={(_, data) => set('graphEndpoint', data.value)}
              autoComplete="off"
              spellCheck={false}
            />
          </Field>
          <Field label={t('authorityUrl')} hint={t('authorityUrlHint')}>
            <Input
              type="url"
              value={values.authorityUrl}
              onChange={(_, data) => set('authorityUrl', data.value)}
              autoComplete="off"
              spellCheck={false}
            />
          </Field>
          <Field label={t('tenantId')} hint={t('copiedHint')}>
            <Input value={profile.tenantId ?? t('notSet')} readOnly appearance="filled-darker" />
          </Field>
          <Field label={t('clientId')} hint={t('copiedHint')}>
            <Input value={profile.clientId ?? t('notSet')} readOnly appearance="filled-darker" />
          </Field>
          <Field label={t('clientSecret')} hint={t('clientSecretHint')}>
            <Input value={profile.clientSecretSet ? t('set') : t('notSet')} readOnly appearance="filled-darker" />
          </Field>
          <Field label={t('replaceSecret')} hint={t('replaceSecretHint')}>
            <Input
              type="password"
              value={clientSecret}
              onChange={(_, data) => setClientSecret(data.value)}
              autoComplete="new-password"
            />
          </Field>
        </div>

        <div role="group" aria-labelledby={processingId} className={styles.section}>
          <Subtitle2 as="h3" id={processingId} className={styles.sectionHeading}>
            {t('processing')}
          </Subtitle2>
          <Field label={t('processEmailReceivedAfter')} hint={t('processEmailReceivedAfterHint')}>
            <Input
              type="date"
              value={values.processEmailReceivedAfter}
              onChange={(_, data) => set('processEmailReceivedAfter', data.value)}
            />
          </Field>
          <Field
            label={t('minPollingIntervalSeconds')}
            hint={t('minPollingIntervalSecondsHint')}
            validationMessage={
              submitted && invalid.minPollingIntervalSeconds ? t('minPollingIntervalSecondsInvalid') : undefined
            }
          >
            <Input
              type="number"
              inputMode="numeric"
              min={15}
              max={86_400}
              step={15}
              value={values.minPollingIntervalSeconds}
              onChange={(_, data) => set('minPollingIntervalSeconds', data.value)}
            />
          </Field>
          <Field
            label={t('maxConcurrentRequestsPerMailbox')}
            hint={t('maxConcurrentRequestsPerMailboxHint')}
            validationMessage={
              submitted && invalid.maxConcurrentRequestsPerMailbox
                ? t('maxConcurrentRequestsPerMailboxInvalid')
                : undefined
            }
          >
            <Input
              type="number"
              inputMode="numeric"
              min={1}
              max={4}
              value={values.maxConcurrentRequestsPerMailbox}
              onChange={(_, data) => set('maxConcurrentRequestsPerMailbox', data.value)}
            />
          </Field>
          <Field className={styles.wide} hint={t('moveFailedToUndeliverableHint')}>
            <Switch
              label={t('moveFailedToUndeliverable')}
              checked={values.moveFailedToUndeliverable}
              onChange={(_, data) => set('moveFailedToUndeliverable', data.checked)}
            />
          </Field>
        </div>

        <div className={styles.actions}>
          <Button
            type="submit"
            appearance="primary"
            // Focus stays on it after a save, when there is nothing left to save.
            disabledFocusable={fetching || !changed}
          >
            {fetching ? t('saving') : t('save')}
          </Button>
        </div>
      </form>
    </div>
  );
}
