import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { useText } from '../../../shared/i18n';
import { apiKeysText } from '../api-keys.strings';

// What every key's secret starts with (the API's API_KEY_PREFIX; the console does not load the domain).
const KEY_START = 'mrk_';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    overflowWrap: 'anywhere',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

/** How a key is sent: the header every request to the API carries. */
export function ApiKeyUsage() {
  const styles = useStyles();
  const t = useText(apiKeysText);
  return (
    <div className={styles.root}>
      <Body1>{t('usage')}</Body1>
      <code className={styles.code}>Authorization: Bearer {KEY_START}…</code>
    </div>
  );
}
