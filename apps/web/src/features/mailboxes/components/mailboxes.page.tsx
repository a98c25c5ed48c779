import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Title1,
  Toolbar,
  ToolbarButton,
  ToolbarDivider,
  makeStyles,
  type TableRowId,
  tokens,
} from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import type { MailboxFilter } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/error-message';
import { useDebouncedValue } from '../../../shared/use-debounced-value.hook';
import { useMe } from '../../session/hooks/use-me.hook';
import { useMailboxFilter } from '../hooks/use-mailbox-filter.hook';
import { useMailboxJob, type MailboxJobKind } from '../hooks/use-mailbox-job.hook';
import { useMailboxes } from '../hooks/use-mailboxes.hook';
import { MailboxFilters } from './mailbox-filters.component';
import { MailboxJobStatus } from './mailbox-job-status.component';
import { MailboxesTable } from './mailboxes-table.component';

const SEARCH_DELAY_MS = 300;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
  },
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
  selectedCount: { paddingInline: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
});

export function MailboxesPage() {
  const styles = useStyles();
  const headingId = useId();
  const { search, testRunStatus, setSearch, setTestRunStatus, clear } = useMailboxFilter();
  const debouncedSearch = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const filter = useMemo<MailboxFilter>(
    () => ({
      ...(debouncedSearch !== '' && { search: debouncedSearch }),
      ...(testRunStatus !== null && { testRunStatus }),
    }),
    [debouncedSearch, testRunStatus],
  );
  const filtered = Object.keys(filter).length > 0;
  const { rows, totalCount, hasNextPage, loading, loadingMore, error, liveError, loadMore, refresh } =
    useMailboxes(filter);
  const { isAdministrator } = useMe();
  const mailboxJob = useMailboxJob();
  const [selected, setSelected] = useState<ReadonlySet<TableRowId>>(() => new Set());
  // Only what is on screen is acted on: a selected row the filters hide stays out of the job.
  const selectedIds = rows.filter((row) => selected.has(row.id)).map((row) => row.id);

  function startJob(kind: MailboxJobKind) {
    setSelected(new Set());
    void mailboxJob.start(kind, selectedIds);
  }

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Title1 as="h1" id={headingId} className={styles.heading}>
        Mailboxes
      </Title1>
      <div className={styles.bar}>
        <MailboxFilters
          search={search}
          testRunStatus={testRunStatus}
          onSearchChange={setSearch}
          onTestRunStatusChange={setTestRunStatus}
        />
        <Toolbar aria-label="Mailbox actions">
          {isAdministrator && (
            <>
              <Text className={styles.selectedCount} aria-live="polite">
                {selectedIds.length} selected
              </Text>
              <ToolbarButton
                appearance="primary"
                disabled={selectedIds.length === 0 || mailboxJob.running}
                onClick={() => startJob('APPROVE_AND_TEST')}
              >
                Approve and test mailboxes
              </ToolbarButton>
              <ToolbarButton
                disabled={selectedIds.length === 0 || mailboxJob.running}
                onClick={() => startJob('TEST_AND_ENABLE')}
              >
                Test and enable
              </ToolbarButton>
              <ToolbarDivider />
            </>
          )}
          <ToolbarButton onClick={refresh}>Refresh</ToolbarButton>
        </Toolbar>
      </div>

      <MailboxJobStatus {...mailboxJob} />

      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Could not load mailboxes</MessageBarTitle>
            {errorMessage(error)}
          </MessageBarBody>
        </MessageBar>
      )}
      {liveError && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Live updates stopped</MessageBarTitle>
            Statuses may be out of date. Refresh to see the latest.
          </MessageBarBody>
        </MessageBar>
      )}

      <Text role="status">{totalCount !== null && `${totalCount} ${totalCount === 1 ? 'mailbox' : 'mailboxes'}`}</Text>

      {loading && <Spinner label="Loading mailboxes" />}

      {totalCount === 0 &&
        (filtered ? (
          <div className={styles.empty}>
            <Body1>No mailboxes match these filters.</Body1>
            <Button onClick={clear}>Clear filters</Button>
          </div>
        ) : (
          <div className={styles.empty}>
            <Body1>
              No mailboxes yet. Users with the Sales Professional or Sales Professional Manager role get a mailbox when
              an administrator runs Configure email.
            </Body1>
          </div>
        ))}

      {rows.length > 0 && (
        <MailboxesTable
          rows={rows}
          labelledBy={headingId}
          selectable={isAdministrator}
          selected={selected}
          onSelectedChange={setSelected}
        />
      )}

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
