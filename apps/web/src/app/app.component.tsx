import { FluentProvider } from '@fluentui/react-components';
import { lazy, type ComponentType } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { SignInPage } from '../features/session/components/sign-in.page';
import { fluentThemeFor, useColorScheme, useDocumentTheme } from '../shared/theme';
import { ToastProvider } from '../shared/toast';
import { GraphqlProvider } from './graphql-provider.component';
import { RequireSession } from './require-session.component';

// Every page is its own chunk, loaded when it is first opened: the first load carries only the
// shell, the sign-in page and the libraries they share.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));
const MailboxesPage = page(() => import('../features/mailboxes/components/mailboxes.page'), 'MailboxesPage');
const MailboxPage = page(() => import('../features/mailboxes/components/mailbox.page'), 'MailboxPage');
const OpportunitiesPage = page(
  () => import('../features/opportunities/components/opportunities.page'),
  'OpportunitiesPage',
);
const OpportunityPage = page(() => import('../features/opportunities/components/opportunity.page'), 'OpportunityPage');
const AccountPage = page(() => import('../features/accounts/components/account.page'), 'AccountPage');
const ContactPage = page(() => import('../features/contacts/components/contact.page'), 'ContactPage');
const ConfigureEmailPage = page(
  () => import('../features/email-configuration/components/configure-email.page'),
  'ConfigureEmailPage',
);
const EmailServerProfilesPage = page(
  () => import('../features/email-server-profiles/components/email-server-profiles.page'),
  'EmailServerProfilesPage',
);
const UsersPage = page(() => import('../features/users/components/users.page'), 'UsersPage');
const ApiKeysPage = page(() => import('../features/api-keys/components/api-keys.page'), 'ApiKeysPage');
const NotificationsPage = page(
  () => import('../features/notifications/components/notifications.page'),
  'NotificationsPage',
);
// The dashboard's chart library loads only with it.
const SyncHealthPage = page(() => import('../features/sync-health/components/sync-health.page'), 'SyncHealthPage');

export function App() {
  // The system's light or dark setting until the reader picks a theme in the header.
  const scheme = useColorScheme();
  useDocumentTheme(scheme);
  // No layout classes on the provider: Fluent copies its classes onto every portal (popovers,
  // dialogs), where a full-height box would cover the page. Each page sizes itself.
  return (
    <FluentProvider theme={fluentThemeFor(scheme)}>
      <ToastProvider>
        <GraphqlProvider>
          <BrowserRouter>
            <Routes>
              <Route path="/sign-in" element={<SignInPage />} />
              <Route element={<RequireSession />}>
                <Route path="/mailboxes" element={<MailboxesPage />} />
                <Route path="/mailboxes/:id" element={<MailboxPage />} />
                <Route path="/opportunities" element={<OpportunitiesPage />} />
                <Route path="/opportunities/:id" element={<OpportunityPage />} />
                <Route path="/accounts/:id" element={<AccountPage />} />
                <Route path="/contacts/:id" element={<ContactPage />} />
                <Route path="/settings/email" element={<ConfigureEmailPage />} />
                <Route path="/settings/email-server-profiles" element={<EmailServerProfilesPage />} />
                <Route path="/settings/users" element={<UsersPage />} />
                <Route path="/sync-health" element={<SyncHealthPage />} />
                <Route path="/notifications" element={<NotificationsPage />} />
                <Route path="/api-keys" element={<ApiKeysPage />} />
                <Route path="*" element={<Navigate to="/mailboxes" replace />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </GraphqlProvider>
      </ToastProvider>
    </FluentProvider>
  );
}
