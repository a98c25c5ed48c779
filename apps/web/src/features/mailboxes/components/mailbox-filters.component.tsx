import { Field, SearchBox, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { TestRunStatus } from '../../../gql/graphql';
import { useText } from '../../../shared/i18n';
import { TEST_RUN_STATUSES } from '../mailbox.labels';
import { mailboxesText } from '../mailboxes.strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalL },
  search: { minWidth: '280px' },
});

type MailboxFiltersProps = {
  search: string;
  testRunStatus: TestRunStatus | null;
  onSearchChange: (search: string) => void;
  onTestRunStatusChange: (status: TestRunStatus | null) => void;
};

export function MailboxFilters({ search, testRunStatus, onSearchChange, onTestRunStatusChange }: MailboxFiltersProps) {
  const styles = useStyles();
  const t = useText(mailboxesText);
  return (
    <div role="search" aria-label={t('filters.label')} className={styles.root}>
      <Field label={t('filters.search')} className={styles.search}>
        <SearchBox
          placeholder={t('filters.searchPlaceholder')}
          value={search}
          onChange={(_, data) => onSearchChange(data.value)}
        />
      </Field>
      <Field label={t('column.testRunStatus')}>
        <Select
          value={testRunStatus ?? ''}
          onChange={(_, data) =>
            onTestRunStatusChange(TEST_RUN_STATUSES.find((status) => status === data.value) ?? null)
          }
        >
          <option value="">{t('filters.all')}</option>
          {TEST_RUN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`testStatus.${status}`)}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
