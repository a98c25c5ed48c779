import { Spinner } from '@fluentui/react-components';
import { useText } from './i18n.ts';
import { sharedText } from './shared.strings';

/** What a page shows while its code loads (each page is a chunk of its own). */
export function PageLoading() {
  const t = useText(sharedText);
  return <Spinner label={t('loadingPage')} />;
}
