/** What the browser remembers about the signed-in user, under the localStorage key `mailroom.session`. */
export type Session = {
  token: string;
  user: { id: string; displayName: string; primaryEmail: string };
};

const STORAGE_KEY = 'mailroom.session';

const listeners = new Set<() => void>();
let current: Session | null = read();

function read(): Session | null {
  const raw = window.localStorage.getItem(STORAGE_KEY);
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isSession(value) ? value : null;
  } catch {
    return null;
  }
}

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const { token, user } = value as Partial<Session>;
  return (
    typeof token === 'string' &&
    typeof user === 'object' &&
    user !== null &&
    typeof user.id === 'string' &&
    typeof user.displayName === 'string' &&
    typeof user.primaryEmail === 'string'
  );
}

function emit(): void {
  for (const listener of listeners) listener();
}

export function getSession(): Session | null {
  return current;
}

export function subscribeToSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function startSession(session: Session): void {
  window.localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  current = session;
  emit();
}

/**
 * Forgets the session that holds `token`, and only that one, so a late failure from a client
 * built for an earlier session cannot sign out the user who has signed in since.
 */
export function endSession(token: string): void {
  if (current?.token !== token) return;
  window.localStorage.removeItem(STORAGE_KEY);
  current = null;
  emit();
}

// Signing in or out in another tab applies here too.
window.addEventListener('storage', (event) => {
  if (event.key !== STORAGE_KEY && event.key !== null) return;
  current = read();
  emit();
});
