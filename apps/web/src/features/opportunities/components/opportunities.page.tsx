import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  Title1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import { errorMessage } from '../../../shared/error-message';
import { useFormat } from '../../../shared/format';
import { useText } from '../../../shared/i18n';
import { RouterLink } from '../../../shared/router-link.component';
import { useOpportunities } from '../hooks/use-opportunities.hook';
import { opportunitiesText } from '../opportunities.strings';
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
  const t = useText(opportunitiesText);
  const format = useFormat();
  const { rows, totalCount, hasNextPage, loading, loadingMore, error, loadMore } = useOpportunities();

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Title1 as="h1" id={headingId} className={styles.heading}>
        {t('heading')}
      </Title1>

      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t('loadFailed')}</MessageBarTitle>
            {errorMessage(error)}
          </MessageBarBody>
        </MessageBar>
      )}

      <Text role="status">
        {totalCount !== null && t('count', { count: totalCount, n: format.number(totalCount) })}
      </Text>

      {loading && <Spinner label={t('loading')} />}

      {totalCount === 0 && (
        <div className={styles.empty}>
          <Subtitle2 as="h2" className={styles.heading}>
            {t('empty')}
          </Subtitle2>
          <Body1>{t('emptyBody')}</Body1>
          <RouterLink to="/api-keys">{t('goToApiKeys')}</RouterLink>
        </div>
      )}

      {rows.length > 0 && <OpportunitiesTable rows={rows} labelledBy={headingId} />}

      {hasNextPage && (
        <div className={styles.footer}>
          <Button onClick={loadMore} disabled={loadingMore}>
            {loadingMore ? t('loadingMore') : t('loadMore')}
          </Button>
        </div>
      )}
    </section>
  );
}
