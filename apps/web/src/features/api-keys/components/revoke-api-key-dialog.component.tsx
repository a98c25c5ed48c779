import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMutation } from 'urql';
import { errorMessage } from '../../../shared/error-message';
import { useText } from '../../../shared/i18n';
import { apiKeysText } from '../api-keys.strings';
import { RevokeApiKeyMutation, type ApiKeyRow } from '../graphql/api-keys.graphql';
import { API_KEY_TYPENAMES } from '../hooks/use-api-keys.hook';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type RevokeApiKeyDialogProps = {
  /** The key to revoke, kept after closing so the dialog does not empty while it fades out. */
  apiKey: ApiKeyRow | null;
  open: boolean;
  onClose: () => void;
  onRevoked: (key: ApiKeyRow) => void;
};

/** Asks before revoking a key: integrations using it stop at once, for good. */
export function RevokeApiKeyDialog({ apiKey, open, onClose, onRevoked }: RevokeApiKeyDialogProps) {
  return (
    <Dialog
      open={open && apiKey !== null}
      modalType="alert"
      onOpenChange={(_, data) => {
        if (!data.open) onClose();
      }}
    >
      <DialogSurface>
        {apiKey !== null && (
          <RevokeConfirmation key={apiKey.id} apiKey={apiKey} onClose={onClose} onRevoked={onRevoked} />
        )}
      </DialogSurface>
    </Dialog>
  );
}

function RevokeConfirmation({
  apiKey,
  onClose,
  onRevoked,
}: { apiKey: ApiKeyRow } & Pick<RevokeApiKeyDialogProps, 'onClose' | 'onRevoked'>) {
  const styles = useStyles();
  const t = useText(apiKeysText);
  const [{ fetching, error }, revoke] = useMutation(RevokeApiKeyMutation);

  async function handleRevoke() {
    const result = await revoke({ id: apiKey.id }, API_KEY_TYPENAMES);
    if (result.data?.revokeApiKey) onRevoked(apiKey);
  }

  // Cancel comes first and takes focus: the safe choice is the one a stray Enter makes.
  return (
    <DialogBody>
      <DialogTitle>{t('revokeDialog.title', { name: apiKey.name })}</DialogTitle>
      <DialogContent className={styles.content}>
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{t('revokeDialog.failed')}</MessageBarTitle>
              {errorMessage(error)}
            </MessageBarBody>
          </MessageBar>
        )}
        <Body1>{t('revokeDialog.body')}</Body1>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabledFocusable={fetching}>
          {t('cancel')}
        </Button>
        <Button appearance="primary" onClick={() => void handleRevoke()} disabledFocusable={fetching}>
          {fetching ? t('revokeDialog.revoking') : t('revokeDialog.confirm')}
        </Button>
      </DialogActions>
    </DialogBody>
  );
}
