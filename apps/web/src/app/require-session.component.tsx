import { Navigate, useLocation } from 'react-router';
import { useSession } from '../features/session/hooks/use-session.hook';
import { AppShell } from '../features/shell/components/app-shell.component';

/** The signed-in part of the app; anyone else is sent to sign in and brought back afterwards. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session === null) return <Navigate to="/sign-in" replace state={{ from: location }} />;
  // Keyed by token: what one user saw or started never shows to the next one signed in here.
  return <AppShell key={session.token} session={session} />;
}
