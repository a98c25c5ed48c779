import { Button, Caption1Strong, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Suspense, useId, useState, type ReactNode } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageLoading } from '../../../shared/page-loading.component';
import { NotificationBell } from '../../notifications/components/notification-bell.component';
import { SignOutMutation } from '../../session/graphql/session.graphql';
import { useMe } from '../../session/hooks/use-me.hook';
import { endSession, type Session } from '../../session/session.store';
import { EmailIntegrationAvailabilityQuery } from '../graphql/email-integration-availability.graphql';
import { EmailOptionsHelp } from './email-options-help.component';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'grid',
    gridTemplateColumns: '220px minmax(0, 1fr)',
    gridTemplateRows: 'auto 1fr',
    gridTemplateAreas: '"header header" "nav main"',
  },
  header: {
    gridArea: 'header',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  user: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  nav: {
    gridArea: 'nav',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  navGroup: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalM,
  },
  navGroupHeader: {
    padding: `0 ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground3,
  },
  navLink: {
    display: 'block',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover },
  },
  navLinkActive: {
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground1Selected,
  },
  help: { marginTop: tokens.spacingVerticalL },
  main: { gridArea: 'main', padding: tokens.spacingHorizontalXXL, minWidth: 0 },
});

function NavItem({ to, children }: { to: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <NavLink to={to} className={({ isActive }) => mergeClasses(styles.navLink, isActive && styles.navLinkActive)}>
      {children}
    </NavLink>
  );
}

export function AppShell({ session }: { session: Session }) {
  const styles = useStyles();
  const salesSettingsId = useId();
  const operationsId = useId();
  const { me, isAdministrator } = useMe();
  const [{ data: availabilityData }] = useQuery({ query: EmailIntegrationAvailabilityQuery });
  const availability = availabilityData?.emailIntegrationAvailability;
  const [, signOut] = useMutation(SignOutMutation);
  const [signingOut, setSigningOut] = useState(false);

  async function handleSignOut() {
    setSigningOut(true);
    // Revoke the token on the server first; the browser forgets it whatever the answer.
    await signOut({});
    endSession(session.token);
  }

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Text size={500} weight="semibold">
          Mailroom
        </Text>
        <div className={styles.user}>
          <NotificationBell />
          <Text>{me?.displayName ?? session.user.displayName}</Text>
          <Button appearance="secondary" onClick={handleSignOut} disabled={signingOut}>
            Sign out
          </Button>
        </div>
      </header>
      <nav className={styles.nav} aria-label="Main">
        <NavItem to="/mailboxes">Mailboxes</NavItem>
        <NavItem to="/opportunities">Opportunities</NavItem>
        {isAdministrator && (
          <div role="group" aria-labelledby={salesSettingsId} className={styles.navGroup}>
            <Caption1Strong id={salesSettingsId} className={styles.navGroupHeader}>
              Sales Settings
            </Caption1Strong>
            <NavItem to="/settings/email">Configure email</NavItem>
            <NavItem to="/settings/email-server-profiles">Email server profiles</NavItem>
            <NavItem to="/settings/users">Users</NavItem>
          </div>
        )}
        {isAdministrator && (
          <div role="group" aria-labelledby={operationsId} className={styles.navGroup}>
            <Caption1Strong id={operationsId} className={styles.navGroupHeader}>
              Operations
            </Caption1Strong>
            <NavItem to="/sync-health">Sync health</NavItem>
          </div>
        )}
        {availability !== undefined && !availability.available && (
          <div className={styles.help}>
            <EmailOptionsHelp explanations={availability.explanations} />
          </div>
        )}
      </nav>
      <main className={styles.main}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
