import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Title1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import { errorMessage } from '../../../shared/error-message';
import { useOpportunities } from '../hooks/use-opportunities.hook';
import { OpportunitiesTable } from './opportunities-table.component';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'start',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalXXL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  footer: { display: 'flex', justifyContent: 'center' },
});

export function OpportunitiesPage() {
  const styles = useStyles();
  const headingId = useId();
  const { rows, totalCount, hasNextPage, loading, loadingMore, error, loadMore } = useOpportunities();

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Title1 as="h1" id={headingId} className={styles.heading}>
        Opportunities
      </Title1>

      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Could not load opportunities</MessageBarTitle>
            {errorMessage(error)}
          </MessageBarBody>
        </MessageBar>
      )}

      <Text role="status">
        {totalCount !== null && `${totalCount} ${totalCount === 1 ? 'opportunity' : 'opportunities'}`}
      </Text>

      {loading && <Spinner label="Loading opportunities" />}

      {totalCount === 0 && (
        <div className={styles.empty}>
          <Body1>No opportunities yet. Opportunities you own, and your team’s, show here.</Body1>
        </div>
      )}

      {rows.length > 0 && <OpportunitiesTable rows={rows} labelledBy={headingId} />}

      {hasNextPage && (
        <div className={styles.footer}>
          <Button onClick={loadMore} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      )}
    </section>
  );
}
