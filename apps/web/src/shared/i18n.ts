import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next, useTranslation } from 'react-i18next';

/** The console's languages; English is the source every other language translates. */
export const LANGUAGES = ['en', 'it'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, as a language menu shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', it: 'Italiano' };

/** Where the reader's choice is kept, so it outlives the session. */
export const LANGUAGE_STORAGE_KEY = 'mailroom.language';

export const i18n = i18next.createInstance();

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    fallbackLng: 'en',
    supportedLngs: LANGUAGES,
    // it-IT, it-CH… read as Italian.
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    // Bundles register themselves as their feature loads (lazy routes included).
    resources: {},
    partialBundledLanguages: true,
    initAsync: false,
    // Keys are flat and may contain dots ("status.SUCCESS"); each component names its namespace.
    keySeparator: false,
    nsSeparator: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
    },
    react: { useSuspense: false },
  });

/** The language the console is shown in now (a supported one, never a regional variant). */
export function currentLanguage(): Language {
  // Not `resolvedLanguage` alone: detected before any bundle has loaded, an it-IT browser has none
  // (or English) while its strings show in Italian; `languages` is the chain the strings come from.
  const chain = [...(i18n.languages ?? []), i18n.resolvedLanguage, 'en'];
  return chain.find((code): code is Language => (LANGUAGES as readonly (string | undefined)[]).includes(code))!;
}

// Through globalThis: the end-to-end tests load the bundles (and so this module) under Node.
const page = globalThis as { document?: { documentElement: { lang: string } } };
const syncDocumentLanguage = () => {
  if (page.document) page.document.documentElement.lang = currentLanguage();
};
syncDocumentLanguage();
i18n.on('languageChanged', syncDocumentLanguage);

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
/** A key as code names it: plural forms ("selected_one", "selected_other") are asked for as "selected". */
type BaseKey<K> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

/**
 * Bundles (`<area>.strings.ts`) import this module as `…/shared/i18n.ts`, with its extension: the
 * end-to-end tests import the bundles under Node to find controls by their names in each language.
 */

/** English strings of a feature: flat keys, `{{name}}` for values, `_one`/`_other` for plurals. */
export type Strings = Readonly<Record<string, string>>;

/** A feature's strings in every language: the other languages must have exactly English's keys. */
export interface StringBundle<E extends Strings> {
  namespace: string;
  en: E;
  it: { readonly [K in keyof E]: string };
}

/**
 * Registers a feature's strings (English and Italian, the same keys — the compiler checks) and
 * returns the bundle for `useText`. Called at module load, so a lazy route brings its own strings.
 */
export function defineStrings<const E extends Strings>(
  namespace: string,
  en: E,
  it: { readonly [K in keyof E]: string },
): StringBundle<E> {
  i18n.addResourceBundle('en', namespace, en, true, true);
  // Italian has a "many" plural form for millions (Intl.PluralRules): it reads as "other".
  const italian: Record<string, string> = { ...it };
  for (const [key, value] of Object.entries(it)) {
    if (key.endsWith('_other')) italian[`${key.slice(0, -'_other'.length)}_many`] ??= value;
  }
  i18n.addResourceBundle('it', namespace, italian, true, true);
  return { namespace, en, it };
}

export type TextKey<E extends Strings> = BaseKey<keyof E & string>;
export type Translate<E extends Strings> = (key: TextKey<E>, values?: Record<string, unknown>) => string;

/** The feature's strings in the reader's language; the component re-renders when it changes. */
export function useText<E extends Strings>(bundle: StringBundle<E>): Translate<E> {
  const { t } = useTranslation(bundle.namespace);
  return t as unknown as Translate<E>;
}

/** The same outside React (error messages built from a caught error, labels in plain functions). */
export function textOf<E extends Strings>(bundle: StringBundle<E>): Translate<E> {
  // i18next's own key typing knows nothing of these bundles; Translate<E> is the typed face.
  return i18n.getFixedT(null, bundle.namespace) as unknown as Translate<E>;
}

/** Switches the console's language and remembers the choice. */
export function setLanguage(language: Language): Promise<unknown> {
  return i18n.changeLanguage(language);
}
