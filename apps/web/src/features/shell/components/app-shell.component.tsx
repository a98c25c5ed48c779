import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { SignOutMutation } from '../../session/graphql/session.graphql';
import { endSession, type Session } from '../../session/session.store';
import { MeQuery } from '../graphql/me.graphql';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'grid',
    gridTemplateColumns: '200px minmax(0, 1fr)',
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
  main: { gridArea: 'main', padding: tokens.spacingHorizontalXXL, minWidth: 0 },
});

export function AppShell({ session }: { session: Session }) {
  const styles = useStyles();
  const [{ data }] = useQuery({ query: MeQuery });
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
          <Text>{data?.me.displayName ?? session.user.displayName}</Text>
          <Button appearance="secondary" onClick={handleSignOut} disabled={signingOut}>
            Sign out
          </Button>
        </div>
      </header>
      <nav className={styles.nav} aria-label="Main">
        <NavLink
          to="/mailboxes"
          className={({ isActive }) => mergeClasses(styles.navLink, isActive && styles.navLinkActive)}
        >
          Mailboxes
        </NavLink>
      </nav>
      <main className={styles.main}>
        <Outlet />
      </main>
    </div>
  );
}
