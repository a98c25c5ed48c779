import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { errorMessage } from '../../../shared/error-message';
import { useText } from '../../../shared/i18n';
import { emailConfigurationText } from '../email-configuration.strings';
import { ConnectTenantMutation, type EmailConfigurationState } from '../graphql/email-configuration.graphql';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '560px' },
  heading: { margin: 0 },
  details: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

type Microsoft365ConnectionProps = { configuration: EmailConfigurationState };

/** The tenant and app registration Mailroom uses, and the form that connects (or reconnects) one. */
export function Microsoft365Connection({ configuration }: Microsoft365ConnectionProps) {
  const styles = useStyles();
  const t = useText(emailConfigurationText);
  const headingId = useId();
  const connected = configuration.status !== 'NOT_CONNECTED';
  const [editing, setEditing] = useState(false);
  const [connectedNow, setConnectedNow] = useState(false);

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t('connection.heading')}
      </Subtitle1>
      {connectedNow && !editing && (
        <MessageBar intent="success">
          <MessageBarBody>{t('connection.connected')}</MessageBarBody>
        </MessageBar>
      )}
      {connected && (
        <dl className={styles.details}>
          <dt className={styles.term}>{t('connection.tenantId')}</dt>
          <dd className={styles.value}>{configuration.tenantId}</dd>
          <dt className={styles.term}>{t('connection.clientId')}</dt>
          <dd className={styles.value}>{configuration.clientId}</dd>
          <dt className={styles.term}>{t('connection.clientSecret')}</dt>
          <dd className={styles.value}>
            {configuration.clientSecretSet ? t('connection.secretStored') : t('connection.secretMissing')}
          </dd>
        </dl>
      )}
      {connected && !editing ? (
        <div className={styles.actions}>
          <Button
            onClick={() => {
              setEditing(true);
              setConnectedNow(false);
            }}
          >
            {t('connection.change')}
          </Button>
        </div>
      ) : (
        <ConnectTenantForm
          configuration={configuration}
          onConnected={() => {
            setEditing(false);
            setConnectedNow(true);
          }}
          onCancel={connected ? () => setEditing(false) : undefined}
        />
      )}
    </section>
  );
}

type ConnectTenantFormProps = {
  configuration: EmailConfigurationState;
  onConnected: () => void;
  onCancel: (() => void) | undefined;
};

function ConnectTenantForm({ configuration, onConnected, onCancel }: ConnectTenantFormProps) {
  const styles = useStyles();
  const t = useText(emailConfigurationText);
  const [tenantId, setTenantId] = useState(configuration.tenantId ?? '');
  const [clientId, setClientId] = useState(configuration.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [{ fetching, error }, connectTenant] = useMutation(ConnectTenantMutation);

  const missing = {
    tenantId: tenantId.trim() === '',
    clientId: clientId.trim() === '',
    clientSecret: clientSecret === '',
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (missing.tenantId || missing.clientId || missing.clientSecret) return;
    const result = await connectTenant({
      input: { tenantId: tenantId.trim(), clientId: clientId.trim(), clientSecret },
    });
    // The secret leaves the page once sent, whatever the answer; asking for it again is the form's
    // next question, not a mistake to flag.
    setClientSecret('');
    setSubmitted(false);
    if (result.data) onConnected();
  }

  return (
    <form className={styles.form} aria-label={t('connection.formLabel')} onSubmit={handleSubmit} noValidate>
      <Body1>{t('connection.formIntro')}</Body1>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t('connection.failed')}</MessageBarTitle>
            {errorMessage(error)}
          </MessageBarBody>
        </MessageBar>
      )}
      <Field
        label={t('connection.tenantId')}
        required
        hint={t('connection.tenantIdHint')}
        validationMessage={submitted && missing.tenantId ? t('connection.tenantIdMissing') : undefined}
      >
        <Input value={tenantId} onChange={(_, data) => setTenantId(data.value)} autoComplete="off" spellCheck={false} />
      </Field>
      <Field
        label={t('connection.clientId')}
        required
        hint={t('connection.clientIdHint')}
        validationMessage={submitted && missing.clientId ? t('connection.clientIdMissing') : undefined}
      >
        <Input value={clientId} onChange={(_, data) => setClientId(data.value)} autoComplete="off" spellCheck={false} />
      </Field>
      <Field
        label={t('connection.clientSecret')}
        required
        hint={configuration.clientSecretSet ? t('connection.secretHintStored') : t('connection.secretHint')}
        validationMessage={submitted && missing.clientSecret ? t('connection.secretMissingError') : undefined}
      >
        <Input
          type="password"
          value={clientSecret}
          onChange={(_, data) => setClientSecret(data.value)}
          autoComplete="new-password"
        />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={fetching}>
          {fetching ? t('connection.connecting') : t('connection.connect')}
        </Button>
        {onCancel && (
          <Button onClick={onCancel} disabled={fetching}>
            {t('connection.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
