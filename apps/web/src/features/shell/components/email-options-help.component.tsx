import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useText } from '../../../shared/i18n';
import { shellText } from '../shell.strings';

const useStyles = makeStyles({
  trigger: { justifyContent: 'start', textAlign: 'start', fontWeight: tokens.fontWeightRegular },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalS },
});

/**
 * Says why the email options are missing for this user, where they would be in the menu, instead of
 * leaving the user to wonder (PRODUCT.md §7).
 */
export function EmailOptionsHelp({ explanations }: { explanations: readonly string[] }) {
  const styles = useStyles();
  const t = useText(shellText);
  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="subtle" className={styles.trigger}>
          {t('help.open')}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('help.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            <Body1>{t('help.intro')}</Body1>
            <ul className={styles.list}>
              {explanations.map((explanation) => (
                <li key={explanation}>
                  <Body1>{explanation}</Body1>
                </li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary">{t('help.close')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
