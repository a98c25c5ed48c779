import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useSyncExternalStore } from 'react';

/** Where the reader's choice is kept, so it outlives the session. */
export const THEME_STORAGE_KEY = 'mailroom.theme';

/** "system" follows the operating system's light or dark setting; the others are the reader's pick. */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export type ColorScheme = 'light' | 'dark';

const listeners = new Set<() => void>();
const darkQuery = typeof window === 'undefined' ? null : window.matchMedia('(prefers-color-scheme: dark)');

function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

function storedChoice(): ThemeChoice {
  try {
    const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
    return isThemeChoice(stored) ? stored : 'system';
  } catch {
    // Storage can be off (privacy settings): the system's setting applies.
    return 'system';
  }
}

// Kept in memory too, so a pick applies in this page even where storage refuses to keep it.
let choice: ThemeChoice = typeof window === 'undefined' ? 'system' : storedChoice();

function systemScheme(): ColorScheme {
  return darkQuery?.matches ? 'dark' : 'light';
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // The system's setting can change while the console is open (a scheduled dark mode), and another
  // tab can pick a theme.
  darkQuery?.addEventListener('change', listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY) return;
    choice = storedChoice();
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    darkQuery?.removeEventListener('change', listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** Picks the theme and remembers it; "system" forgets the pick and follows the system again. */
export function setThemeChoice(next: ThemeChoice): void {
  choice = next;
  try {
    if (next === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, next);
  } catch {
    // Not remembered, but applied in this page all the same.
  }
  for (const listener of listeners) listener();
}

/** The reader's pick: system, light or dark. */
export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(
    subscribe,
    () => choice,
    () => 'system',
  );
}

/** The scheme the console is shown in now. */
export function useColorScheme(): ColorScheme {
  const picked = useThemeChoice();
  const system = useSyncExternalStore(subscribe, systemScheme, (): ColorScheme => 'light');
  return picked === 'system' ? system : picked;
}

export function fluentThemeFor(scheme: ColorScheme): Theme {
  return scheme === 'dark' ? webDarkTheme : webLightTheme;
}

/**
 * Paints the page behind the provider in the theme too (the overscroll area, the body of a short
 * page) and tells the browser the scheme, so scroll bars and native date pickers match.
 */
export function useDocumentTheme(scheme: ColorScheme): void {
  useEffect(() => {
    const theme = fluentThemeFor(scheme);
    document.documentElement.style.colorScheme = scheme;
    document.body.style.backgroundColor = theme.colorNeutralBackground1;
    document.body.style.color = theme.colorNeutralForeground1;
  }, [scheme]);
}
