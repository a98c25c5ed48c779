import { Field, SearchBox, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { TestRunStatus } from '../../../gql/graphql';
import { TEST_RUN_STATUSES, TEST_STATUS_LABELS } from '../mailbox.labels';

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
  return (
    <div role="search" aria-label="Filter mailboxes" className={styles.root}>
      <Field label="Search" className={styles.search}>
        <SearchBox
          placeholder="Email address or owner"
          value={search}
          onChange={(_, data) => onSearchChange(data.value)}
        />
      </Field>
      <Field label="Test run status">
        <Select
          value={testRunStatus ?? ''}
          onChange={(_, data) =>
            onTestRunStatusChange(TEST_RUN_STATUSES.find((status) => status === data.value) ?? null)
          }
        >
          <option value="">All</option>
          {TEST_RUN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {TEST_STATUS_LABELS[status]}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
