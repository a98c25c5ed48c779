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
  const headingId = useId();
  const connected = configuration.status !== 'NOT_CONNECTED';
  const [editing, setEditing] = useState(false);
  const [connectedNow, setConnectedNow] = useState(false);

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        Microsoft 365 connection
      </Subtitle1>
      {connectedNow && !editing && (
        <MessageBar intent="success">
          <MessageBarBody>Connected to Microsoft 365. The credentials were checked with the tenant.</MessageBarBody>
        </MessageBar>
      )}
      {connected && (
        <dl className={styles.details}>
          <dt className={styles.term}>Tenant ID</dt>
          <dd className={styles.value}>{configuration.tenantId}</dd>
          <dt className={styles.term}>Client ID</dt>
          <dd className={styles.value}>{configuration.clientId}</dd>
          <dt className={styles.term}>Client secret</dt>
          <dd className={styles.value}>
            {configuration.clientSecretSet ? 'A client secret is stored' : 'No client secret is stored'}
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
            Change connection
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
    <form className={styles.form} aria-label="Connect Microsoft 365" onSubmit={handleSubmit} noValidate>
      <Body1>
        Connect the Microsoft 365 tenant whose Exchange Online mailboxes Mailroom synchronises, through an app
        registration in Microsoft Entra ID. The credentials are checked with the tenant before they are stored.
      </Body1>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Could not connect</MessageBarTitle>
            {errorMessage(error)}
          </MessageBarBody>
        </MessageBar>
      )}
      <Field
        label="Tenant ID"
        required
        hint="The directory (tenant) ID, or the tenant’s domain such as contoso.onmicrosoft.com."
        validationMessage={submitted && missing.tenantId ? 'Enter the tenant ID.' : undefined}
      >
        <Input value={tenantId} onChange={(_, data) => setTenantId(data.value)} autoComplete="off" spellCheck={false} />
      </Field>
      <Field
        label="Client ID"
        required
        hint="The application (client) ID of the app registration."
        validationMessage={submitted && missing.clientId ? 'Enter the client ID.' : undefined}
      >
        <Input value={clientId} onChange={(_, data) => setClientId(data.value)} autoComplete="off" spellCheck={false} />
      </Field>
      <Field
        label="Client secret"
        required
        hint={
          configuration.clientSecretSet
            ? 'A client secret is stored. Enter the secret’s value again to change the connection; it is never shown.'
            : 'The secret’s value, not its ID. It is stored encrypted and never shown again.'
        }
        validationMessage={submitted && missing.clientSecret ? 'Enter the client secret.' : undefined}
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
          {fetching ? 'Connecting…' : 'Connect'}
        </Button>
        {onCancel && (
          <Button onClick={onCancel} disabled={fetching}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
