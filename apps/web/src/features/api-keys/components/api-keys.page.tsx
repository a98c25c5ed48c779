import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  Title1,
  Toolbar,
  ToolbarButton,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useCallback, useId, useState } from 'react';
import { errorMessage } from '../../../shared/error-message';
import { useText } from '../../../shared/i18n';
import { useToast } from '../../../shared/toast';
import { apiKeysText } from '../api-keys.strings';
import type { ApiKeyRow } from '../graphql/api-keys.graphql';
import { useApiKeys } from '../hooks/use-api-keys.hook';
import { ApiKeyUsage } from './api-key-usage.component';
import { ApiKeysTable } from './api-keys-table.component';
import { CreateApiKeyDialog } from './create-api-key-dialog.component';
import { RevokeApiKeyDialog } from './revoke-api-key-dialog.component';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  intro: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '880px' },
  heading: { margin: 0 },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between' },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'start',
    gap: tokens.spacingVerticalM,
    maxWidth: '880px',
    padding: tokens.spacingVerticalXXL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  emptyHeading: { margin: 0 },
});

/** The signed-in user's API keys: create one (its secret shown once), see which are used, revoke one. */
export function ApiKeysPage() {
  const styles = useStyles();
  const t = useText(apiKeysText);
  const headingId = useId();
  const { keys, loading, error } = useApiKeys();
  // Dialogs opened without a DialogTrigger: this sends focus back to the button that opened them.
  const restoreFocusTarget = useRestoreFocusTarget();
  const notify = useToast();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeyRow | null>(null);
  const [revokeOpen, setRevokeOpen] = useState(false);

  const closeCreate = useCallback(() => setCreating(false), []);

  function handleRevoke(key: ApiKeyRow) {
    setRevoking(key);
    setRevokeOpen(true);
  }

  function handleRevoked(key: ApiKeyRow) {
    setRevokeOpen(false);
    notify({ title: t('revoked', { name: key.name }), body: t('revokedBody') });
  }

  const createButton = (
    <Button appearance="primary" icon={<AddRegular />} {...restoreFocusTarget} onClick={() => setCreating(true)}>
      {t('create')}
    </Button>
  );

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.intro}>
        <Title1 as="h1" id={headingId} className={styles.heading}>
          {t('title')}
        </Title1>
        <Body1>{t('intro')}</Body1>
      </div>

      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t('loadFailed')}</MessageBarTitle>
            {errorMessage(error)}
          </MessageBarBody>
        </MessageBar>
      )}

      {loading && <Spinner label={t('loading')} />}

      {keys !== null && keys.length === 0 && (
        <div className={styles.empty}>
          <Subtitle2 as="h2" className={styles.emptyHeading}>
            {t('empty.title')}
          </Subtitle2>
          <Body1>{t('empty.purpose')}</Body1>
          <ApiKeyUsage />
          {createButton}
        </div>
      )}

      {keys !== null && keys.length > 0 && (
        <>
          <div className={styles.bar}>
            <Text role="status">{t('count', { count: keys.length })}</Text>
            <Toolbar aria-label={t('actions')}>
              <ToolbarButton
                appearance="primary"
                icon={<AddRegular />}
                {...restoreFocusTarget}
                onClick={() => setCreating(true)}
              >
                {t('create')}
              </ToolbarButton>
            </Toolbar>
          </div>
          <ApiKeysTable keys={keys} labelledBy={headingId} onRevoke={handleRevoke} />
          <ApiKeyUsage />
        </>
      )}

      <CreateApiKeyDialog open={creating} onClose={closeCreate} />
      <RevokeApiKeyDialog
        apiKey={revoking}
        open={revokeOpen}
        onClose={() => setRevokeOpen(false)}
        onRevoked={handleRevoked}
      />
    </section>
  );
}
