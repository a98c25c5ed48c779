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
  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="subtle" className={styles.trigger}>
          Can't find the email options?
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Why the email options are missing</DialogTitle>
          <DialogContent className={styles.content}>
            <Body1>Configure email and the mailbox features are not available to you:</Body1>
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
              <Button appearance="primary">Close</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
