import { Select, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGE_NAMES, LANGUAGES, setLanguage, useText, type Language } from './i18n.ts';
import { sharedText } from './shared.strings';

/** The language menu: the browser's language until the reader picks one, then theirs. */
export function LanguagePicker({ appearance }: { appearance?: 'outline' | 'filled-lighter' }) {
  const t = useText(sharedText);
  const id = useId('language');
  // Re-render on a change made elsewhere (another tab's picker does not reach here; this tab's does).
  useTranslation();
  return (
    <Select
      id={id}
      aria-label={t('language')}
      appearance={appearance}
      value={currentLanguage()}
      onChange={(_event, data) => void setLanguage(data.value as Language)}
    >
      {LANGUAGES.map((language) => (
        <option key={language} value={language} lang={language}>
          {LANGUAGE_NAMES[language]}
        </option>
      ))}
    </Select>
  );
}
