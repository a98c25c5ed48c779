import { Button, Caption1Strong, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { DismissRegular, NavigationRegular } from '@fluentui/react-icons';
import { Suspense, useId, useState, type ReactNode } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useText } from '../../../shared/i18n';
import { LanguagePicker } from '../../../shared/language-picker.component';
import { PageLoading } from '../../../shared/page-loading.component';
import { ThemePicker } from '../../../shared/theme-picker.component';
import { NotificationBell } from '../../notifications/components/notification-bell.component';
import { SignOutMutation } from '../../session/graphql/session.graphql';
import { useMe } from '../../session/hooks/use-me.hook';
import { endSession, type Session } from '../../session/session.store';
import { EmailIntegrationAvailabilityQuery } from '../graphql/email-integration-availability.graphql';
import { shellText } from '../shell.strings';
import { EmailOptionsHelp } from './email-options-help.component';

// Below this width the navigation folds behind a button, so a tablet's page keeps its width.
const NARROW = '@media (max-width: 1023px)';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'grid',
    gridTemplateColumns: '220px minmax(0, 1fr)',
    gridTemplateRows: 'auto 1fr',
    gridTemplateAreas: '"header header" "nav main"',
    [NARROW]: {
      gridTemplateColumns: 'minmax(0, 1fr)',
      gridTemplateRows: 'auto auto 1fr',
      gridTemplateAreas: '"header" "nav" "main"',
    },
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
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  menuButton: { display: 'none', [NARROW]: { display: 'inline-flex' } },
  user: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'end',
    gap: tokens.spacingHorizontalM,
    minWidth: 0,
  },
  userName: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: '200px' },
  nav: {
    gridArea: 'nav',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    [NARROW]: {
      display: 'none',
      borderRight: 'none',
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  navOpen: { [NARROW]: { display: 'flex' } },
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
  main: {
    gridArea: 'main',
    padding: tokens.spacingHorizontalXXL,
    minWidth: 0,
    [NARROW]: { padding: tokens.spacingHorizontalL },
  },
});

function NavItem({ to, children, onClick }: { to: string; children: ReactNode; onClick: () => void }) {
  const styles = useStyles();
  return (
    <NavLink
      to={to}
      onClick={onClick}
      className={({ isActive }) => mergeClasses(styles.navLink, isActive && styles.navLinkActive)}
    >
      {children}
    </NavLink>
  );
}

export function AppShell({ session }: { session: Session }) {
  const styles = useStyles();
  const t = useText(shellText);
  const navId = useId();
  const salesSettingsId = useId();
  const operationsId = useId();
  const { me, isAdministrator } = useMe();
  // Integrations are for licensed sales users; the API still decides what a key may do.
  const hasSalesLicence = me !== null && me.salesLicense !== 'NONE';
  const [{ data: availabilityData }] = useQuery({ query: EmailIntegrationAvailabilityQuery });
  const availability = availabilityData?.emailIntegrationAvailability;
  const [, signOut] = useMutation(SignOutMutation);
  const [signingOut, setSigningOut] = useState(false);
  // Only narrow screens fold the navigation; a chosen page folds it again.
  const [navOpen, setNavOpen] = useState(false);
  const closeNav = () => setNavOpen(false);

  async function handleSignOut() {
    setSigningOut(true);
    // Revoke the token on the server first; the browser forgets it whatever the answer.
    await signOut({});
    endSession(session.token);
  }

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <div className={styles.brand}>
          <Button
            appearance="primary"
            className={styles.menuButton}
            icon={navOpen ? <DismissRegular /> : <NavigationRegular />}
            aria-label={navOpen ? t('nav.hide') : t('nav.show')}
            aria-expanded={navOpen}
            aria-controls={navId}
            onClick={() => setNavOpen((open) => !open)}
          />
          <Text size={500} weight="semibold">
            {t('productName')}
          </Text>
        </div>
        <div className={styles.user}>
          <NotificationBell />
          <Text className={styles.userName}>{me?.displayName ?? session.user.displayName}</Text>
          <LanguagePicker />
          <ThemePicker />
          <Button appearance="secondary" onClick={handleSignOut} disabled={signingOut}>
            {t('signOut')}
          </Button>
        </div>
      </header>
      <nav id={navId} className={mergeClasses(styles.nav, navOpen && styles.navOpen)} aria-label={t('nav.label')}>
        <NavItem to="/mailboxes" onClick={closeNav}>
          {t('nav.mailboxes')}
        </NavItem>
        <NavItem to="/opportunities" onClick={closeNav}>
          {t('nav.opportunities')}
        </NavItem>
        <NavItem to="/notifications" onClick={closeNav}>
          {t('nav.notifications')}
        </NavItem>
        {hasSalesLicence && (
          <NavItem to="/api-keys" onClick={closeNav}>
            {t('nav.apiKeys')}
          </NavItem>
        )}
        {isAdministrator && (
          <div role="group" aria-labelledby={salesSettingsId} className={styles.navGroup}>
            <Caption1Strong id={salesSettingsId} className={styles.navGroupHeader}>
              {t('nav.salesSettings')}
            </Caption1Strong>
            <NavItem to="/settings/email" onClick={closeNav}>
              {t('nav.configureEmail')}
            </NavItem>
            <NavItem to="/settings/email-server-profiles" onClick={closeNav}>
              {t('nav.emailServerProfiles')}
            </NavItem>
            <NavItem to="/settings/users" onClick={closeNav}>
              {t('nav.users')}
            </NavItem>
          </div>
        )}
        {isAdministrator && (
          <div role="group" aria-labelledby={operationsId} className={styles.navGroup}>
            <Caption1Strong id={operationsId} className={styles.navGroupHeader}>
              {t('nav.operations')}
            </Caption1Strong>
            <NavItem to="/sync-health" onClick={closeNav}>
              {t('nav.syncHealth')}
            </NavItem>
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
