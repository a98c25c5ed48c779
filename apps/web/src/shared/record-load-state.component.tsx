import {
  Body1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Title1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { CombinedError } from '@urql/core';
import { useId } from 'react';
import { errorMessage } from './error-message';
import { useText } from './i18n';
import { sharedText } from './shared.strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
});

type RecordLoadStateProps = {
  /** What the record is, in words and in the reader's language: "Opportunity", "Account". */
  kind: string;
  loading: boolean;
  error: CombinedError | null;
};

/** A record page before its record is there: loading, failed, or not one the user may see. */
export function RecordLoadState({ kind, loading, error }: RecordLoadStateProps) {
  const styles = useStyles();
  const t = useText(sharedText);
  const headingId = useId();
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Title1 as="h1" id={headingId} className={styles.heading}>
        {loading || error ? kind : t('record.notFound', { kind })}
      </Title1>
      {loading && <Spinner label={t('record.loading')} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t('record.loadFailed')}</MessageBarTitle>
            {errorMessage(error)}
          </MessageBarBody>
        </MessageBar>
      )}
      {!loading && !error && <Body1>{t('record.missing')}</Body1>}
    </section>
  );
}
