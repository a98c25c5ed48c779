import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  // The message's own layout stays inside the box: nothing it positions or sizes reaches the page.
  body: {
    contain: 'content',
    isolation: 'isolate',
    overflow: 'auto',
    maxHeight: '360px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: 'anywhere',
    '& img': { maxWidth: '100%', height: 'auto' },
    '& p': { marginBlock: tokens.spacingVerticalXS },
  },
});

/**
 * An email body. `html` must be the API's `bodyHtml`, which it sanitises (no scripts, event
 * handlers, frames, forms or javascript: links); no other text may be passed here.
 */
export function EmailBody({ html, label }: { html: string; label: string }) {
  const styles = useStyles();
  return <div className={styles.body} role="group" aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />;
}
