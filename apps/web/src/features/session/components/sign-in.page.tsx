import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMutation } from 'urql';
import { errorMessage } from '../../../shared/error-message';
import { useText } from '../../../shared/i18n';
import { LanguagePicker } from '../../../shared/language-picker.component';
import { ThemePicker } from '../../../shared/theme-picker.component';
import { SignInMutation } from '../graphql/session.graphql';
import { useSession } from '../hooks/use-session.hook';
import { sessionText } from '../session.strings';
import { startSession } from '../session.store';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    display: 'grid',
    gridTemplateRows: 'auto 1fr',
    justifyItems: 'center',
    alignItems: 'center',
    padding: tokens.spacingHorizontalL,
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  form: {
    width: '100%',
    maxWidth: '360px',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXXL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow16,
  },
  // A signed-out person chooses the language and theme here too.
  preferences: { justifySelf: 'end', display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** Where to go after signing in: back to the page that sent the user here, or the mailboxes. */
function returnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const { from } = state;
    if (typeof from === 'object' && from !== null && 'pathname' in from && typeof from.pathname === 'string') {
      const search = 'search' in from && typeof from.search === 'string' ? from.search : '';
      return from.pathname + search;
    }
  }
  return '/mailboxes';
}

export function SignInPage() {
  const styles = useStyles();
  const t = useText(sessionText);
  const headingId = useId();
  const session = useSession();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [{ fetching, error }, signIn] = useMutation(SignInMutation);

  if (session !== null) return <Navigate to={returnPath(location.state)} replace />;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await signIn({ email: email.trim(), password });
    if (result.data) startSession(result.data.signIn);
  }

  return (
    <main className={styles.page}>
      <div className={styles.preferences}>
        <LanguagePicker />
        <ThemePicker />
      </div>
      <form className={styles.form} aria-labelledby={headingId} onSubmit={handleSubmit}>
        <Title2 as="h1" id={headingId} className={styles.heading}>
          {t('heading')}
        </Title2>
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{t('failed')}</MessageBarTitle>
              {errorMessage(error, { UNAUTHENTICATED: t('wrongCredentials') })}
            </MessageBarBody>
          </MessageBar>
        )}
        <Field label={t('email')} required>
          <Input
            type="email"
            name="email"
            autoComplete="username"
            value={email}
            onChange={(_, data) => setEmail(data.value)}
          />
        </Field>
        <Field label={t('password')} required>
          <Input
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(_, data) => setPassword(data.value)}
          />
        </Field>
        <Button type="submit" appearance="primary" disabled={fetching}>
          {t('signIn')}
        </Button>
        <Caption1 className={styles.hint}>
          {t('demoHint', { email: 'admin@contoso.example', password: 'mailroom-demo' })}
        </Caption1>
      </form>
    </main>
  );
}
