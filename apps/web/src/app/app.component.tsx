import { FluentProvider, Spinner, webLightTheme } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AccountPage } from '../features/accounts/components/account.page';
import { ContactPage } from '../features/contacts/components/contact.page';
import { ConfigureEmailPage } from '../features/email-configuration/components/configure-email.page';
import { EmailServerProfilesPage } from '../features/email-server-profiles/components/email-server-profiles.page';
import { MailboxPage } from '../features/mailboxes/components/mailbox.page';
import { MailboxesPage } from '../features/mailboxes/components/mailboxes.page';
import { OpportunitiesPage } from '../features/opportunities/components/opportunities.page';
import { OpportunityPage } from '../features/opportunities/components/opportunity.page';
import { SignInPage } from '../features/session/components/sign-in.page';
import { UsersPage } from '../features/users/components/users.page';
import { GraphqlProvider } from './graphql-provider.component';
import { RequireSession } from './require-session.component';

// The dashboard and its chart library load only when an administrator opens it, so the first
// page of everyone else stays small.
const SyncHealthPage = lazy(() =>
  import('../features/sync-health/components/sync-health.page').then((module) => ({ default: module.SyncHealthPage })),
);

export function App() {
  // No layout classes on the provider: Fluent copies its classes onto every portal (popovers,
  // dialogs), where a full-height box would cover the page. Each page sizes itself.
  return (
    <FluentProvider theme={webLightTheme}>
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
              <Route
                path="/sync-health"
                element={
                  <Suspense fallback={<Spinner label="Loading sync health" />}>
                    <SyncHealthPage />
                  </Suspense>
                }
              />
              <Route path="*" element={<Navigate to="/mailboxes" replace />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </GraphqlProvider>
    </FluentProvider>
  );
}
