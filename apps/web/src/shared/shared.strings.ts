import { defineStrings } from './i18n';

/** Strings of the shared components (language menu, loading and error states, record details). */
export const sharedText = defineStrings(
  'shared',
  {
    language: 'Language',
    loading: 'Loading…',
    loadingPage: 'Loading the page…',
  },
  {
    language: 'Lingua',
    loading: 'Caricamento…',
    loadingPage: 'Caricamento della pagina…',
  },
);
