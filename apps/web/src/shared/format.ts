import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language } from './i18n.ts';

const BCP47: Record<Language, string> = { en: 'en-GB', it: 'it-IT' };

export interface Formatters {
  /** An API timestamp in the reader's language and time zone, e.g. "12 May 2026, 10:02". */
  dateTime(iso: string): string;
  /** A day, e.g. "12 May 2026". */
  date(iso: string): string;
  /** A time of day, e.g. "14:05" (with seconds, "14:05:09"). */
  time(instant: string | Date, options?: { seconds?: boolean }): string;
  /** An amount in euros, e.g. "€12,500.50" / "12.500,50 €". */
  currency(amount: number): string;
  /** A count or figure, grouped as the language groups digits. */
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

const cache = new Map<Language, Formatters>();

/** Formatters (Intl) for a language, built once per language. */
export function formattersFor(language: Language): Formatters {
  let formatters = cache.get(language);
  if (!formatters) {
    const locale = BCP47[language];
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    const timeWithSeconds = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
    const currency = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
    const plain = new Intl.NumberFormat(locale);
    formatters = {
      dateTime: (iso) => dateTime.format(new Date(iso)),
      date: (iso) => date.format(new Date(iso)),
      time: (instant, options) => (options?.seconds ? timeWithSeconds : time).format(new Date(instant)),
      currency: (amount) => currency.format(amount),
      number: (value, options) => (options ? new Intl.NumberFormat(locale, options) : plain).format(value),
    };
    cache.set(language, formatters);
  }
  return formatters;
}

/** Formatters in the reader's current language; the component re-renders when it changes. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  // The language is what the formatters depend on; reading it subscribes the component to changes.
  return useMemo(() => formattersFor(currentLanguage()), [language]);
}
