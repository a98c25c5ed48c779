import { FluentProvider, makeStyles, webLightTheme } from '@fluentui/react-components';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { MailboxesPage } from '../features/mailboxes/components/mailboxes.page';
import { SignInPage } from '../features/session/components/sign-in.page';
import { GraphqlProvider } from './graphql-provider.component';
import { RequireSession } from './require-session.component';

const useStyles = makeStyles({
  root: { minHeight: '100vh' },
});

export function App() {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      <GraphqlProvider>
        <BrowserRouter>
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route element={<RequireSession />}>
              <Route path="/mailboxes" element={<MailboxesPage />} />
              <Route path="*" element={<Navigate to="/mailboxes" replace />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </GraphqlProvider>
    </FluentProvider>
  );
}
