import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { errorMessage } from '../../../shared/error-message';
import { useText } from '../../../shared/i18n';
import { apiKeysText } from '../api-keys.strings';
import { CreateApiKeyMutation } from '../graphql/api-keys.graphql';
import { API_KEY_TYPENAMES } from '../hooks/use-api-keys.hook';
import { ApiKeyUsage } from './api-key-usage.component';

/** The API's limit on a key's name. */
const MAX_NAME_LENGTH = 100;

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  secretRow: { display: 'flex', alignItems: 'end', gap: tokens.spacingHorizontalS },
  secretField: { flexGrow: 1, minWidth: 0 },
  secret: { fontFamily: tokens.fontFamilyMonospace },
});

type CreateApiKeyDialogProps = { open: boolean; onClose: () => void };

/** Names a new key, then shows its secret this once. */
export function CreateApiKeyDialog({ open, onClose }: CreateApiKeyDialogProps) {
  // The surface unmounts once closed, and the secret with it: no later render can show it again.
  const [created, setCreated] = useState(false);
  return (
    <Dialog
      open={open}
      // Once the secret shows, a stray click outside must not dismiss it before it is copied.
      modalType={created ? 'alert' : 'modal'}
      onOpenChange={(_, data) => {
        if (!data.open) onClose();
      }}
    >
      <DialogSurface>{open && <CreateApiKeyFlow onClose={onClose} onCreated={setCreated} />}</DialogSurface>
    </Dialog>
  );
}

type Created = { name: string; secret: string };

function CreateApiKeyFlow({ onClose, onCreated }: { onClose: () => void; onCreated: (created: boolean) => void }) {
  const [created, setCreated] = useState<Created | null>(null);
  useEffect(() => {
    onCreated(created !== null);
    return () => onCreated(false);
  }, [created, onCreated]);
  return created === null ? (
    <NameForm onClose={onClose} onCreated={setCreated} />
  ) : (
    <SecretOnce created={created} onClose={onClose} />
  );
}

function NameForm({ onClose, onCreated }: { onClose: () => void; onCreated: (created: Created) => void }) {
  const styles = useStyles();
  const t = useText(apiKeysText);
  const [name, setName] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [{ fetching, error }, createKey] = useMutation(CreateApiKeyMutation);

  const trimmed = name.trim();
  const problem =
    trimmed === ''
      ? t('createDialog.nameRequired')
      : trimmed.length > MAX_NAME_LENGTH
        ? t('createDialog.nameTooLong', { max: MAX_NAME_LENGTH })
        : null;
  // An empty field is only wrong once the user tried to create; a name too long is wrong as it is typed.
  const shown = submitted || trimmed.length > MAX_NAME_LENGTH ? problem : null;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (problem !== null || fetching) return;
    const result = await createKey({ name: trimmed }, API_KEY_TYPENAMES);
    if (result.data) onCreated({ name: result.data.createApiKey.apiKey.name, secret: result.data.createApiKey.secret });
  }

  // The buttons stay focusable while creating, so focus is not lost inside the dialog.
  return (
    <form onSubmit={handleSubmit} noValidate>
      <DialogBody>
        <DialogTitle>{t('createDialog.title')}</DialogTitle>
        <DialogContent className={styles.content}>
          {error && (
            <MessageBar intent="error">
              <MessageBarBody>
                <MessageBarTitle>{t('createDialog.failed')}</MessageBarTitle>
                {errorMessage(error)}
              </MessageBarBody>
            </MessageBar>
          )}
          <Field
            label={t('createDialog.name')}
            required
            hint={t('createDialog.nameHint')}
            validationState={shown === null ? 'none' : 'error'}
            validationMessage={shown ?? undefined}
          >
            <Input value={name} onChange={(_, data) => setName(data.value)} autoComplete="off" />
          </Field>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabledFocusable={fetching}>
            {t('cancel')}
          </Button>
          <Button type="submit" appearance="primary" disabledFocusable={fetching}>
            {fetching ? t('createDialog.creating') : t('createDialog.submit')}
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}

type CopyState = 'idle' | 'copied' | 'failed';

function SecretOnce({ created, onClose }: { created: Created; onClose: () => void }) {
  const styles = useStyles();
  const t = useText(apiKeysText);
  const input = useRef<HTMLInputElement>(null);
  const statusId = useId();
  const [copy, setCopy] = useState<CopyState>('idle');

  // The form that had focus is gone: focus moves to the key, selected, ready to copy by keyboard too.
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function handleCopy() {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopy('copied');
    } catch {
      setCopy('failed');
      input.current?.select();
    }
  }

  return (
    <DialogBody>
      <DialogTitle>{t('secret.title')}</DialogTitle>
      <DialogContent className={styles.content}>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('secret.warningTitle')}</MessageBarTitle>
            {t('secret.warning')}
          </MessageBarBody>
        </MessageBar>
        <div className={styles.secretRow}>
          <Field label={t('secret.label', { name: created.name })} className={styles.secretField}>
            <Input
              ref={input}
              readOnly
              value={created.secret}
              input={{ className: styles.secret }}
              onFocus={(event) => event.currentTarget.select()}
              aria-describedby={statusId}
            />
          </Field>
          <Button icon={<CopyRegular />} onClick={() => void handleCopy()}>
            {t('secret.copy')}
          </Button>
        </div>
        <Body1 id={statusId} role="status">
          {copy === 'copied' ? t('secret.copied') : copy === 'failed' ? t('secret.copyFailed') : ''}
        </Body1>
        <ApiKeyUsage />
      </DialogContent>
      <DialogActions>
        <Button appearance="primary" onClick={onClose}>
          {t('secret.done')}
        </Button>
      </DialogActions>
    </DialogBody>
  );
}
