import { Select, useId } from '@fluentui/react-components';
import { useText } from './i18n';
import { sharedText } from './shared.strings';
import { setThemeChoice, THEME_CHOICES, useThemeChoice, type ThemeChoice } from './theme';

/** The theme menu: the system's light or dark setting until the reader picks one, then theirs. */
export function ThemePicker({ appearance }: { appearance?: 'outline' | 'filled-lighter' }) {
  const t = useText(sharedText);
  const id = useId('theme');
  const choice = useThemeChoice();
  return (
    <Select
      id={id}
      aria-label={t('theme')}
      appearance={appearance}
      value={choice}
      onChange={(_event, data) => setThemeChoice(data.value as ThemeChoice)}
    >
      {THEME_CHOICES.map((option) => (
        <option key={option} value={option}>
          {t(`theme.${option}`)}
        </option>
      ))}
    </Select>
  );
}
