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

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
});

type RecordLoadStateProps = {
  /** What the record is, in words: "Opportunity", "Account". */
  kind: string;
  loading: boolean;
  error: CombinedError | null;
};

/** A record page before its record is there: loading, failed, or not one the user may see. */
export function RecordLoadState({ kind, loading, error }: RecordLoadStateProps) {
  const styles = useStyles();
  const headingId = useId();
  const what = kind.toLowerCase();
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Title1 as="h1" id={headingId} className={styles.heading}>
        {loading || error ? kind : `${kind} not found`}
      </Title1>
      {loading && <Spinner label={`Loading the ${what}`} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Could not load the {what}</MessageBarTitle>
            {errorMessage(error)}
          </MessageBarBody>
        </MessageBar>
      )}
      {!loading && !error && <Body1>This {what} does not exist, or you may not see it.</Body1>}
    </section>
  );
}
