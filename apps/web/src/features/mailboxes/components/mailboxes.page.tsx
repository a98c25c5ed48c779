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
import { useText } from '../../../shared/i18n';
import { useMe } from '../../session/hooks/use-me.hook';
import { useMailboxFilter } from '../hooks/use-mailbox-filter.hook';
import { useMailboxJob, type MailboxJobKind } from '../hooks/use-mailbox-job.hook';
import { useMailboxes } from '../hooks/use-mailboxes.hook';
import { mailboxesText } from '../mailboxes.strings';
import { MailboxFilters } from './mailbox-filters.component';
import { MailboxJobStatus } from './mailbox-job-status.component';
import { MailboxesTable } from './mailboxes-table.component';

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
  const t = useText(mailboxesText);
  const headingId = useId();
  const { search, appliedSearch, testRunStatus, setSearch, setTestRunStatus, clear } = useMailboxFilter();
  const searchText = appliedSearch.trim();
  const filter = useMemo<MailboxFilter>(
    () => ({
      ...(searchText !== '' && { search: searchText }),
      ...(testRunStatus !== null && { testRunStatus }),
    }),
    [searchText, testRunStatus],
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
        {t('title')}
      </Title1>
      <div className={styles.bar}>
        <MailboxFilters
          search={search}
          testRunStatus={testRunStatus}
          onSearchChange={setSearch}
          onTestRunStatusChange={setTestRunStatus}
        />
        <Toolbar aria-label={t('actions')}>
          {isAdministrator && (
            <>
              <Text className={styles.selectedCount} aria-live="polite">
                {t('selected', { count: selectedIds.length })}
              </Text>
              <ToolbarButton
                appearance="primary"
                disabled={selectedIds.length === 0 || mailboxJob.running}
                onClick={() => startJob('APPROVE_AND_TEST')}
              >
                {t('approveAndTestMailboxes')}
              </ToolbarButton>
              <ToolbarButton
                disabled={selectedIds.length === 0 || mailboxJob.running}
                onClick={() => startJob('TEST_AND_ENABLE')}
              >
                {t('testAndEnable')}
              </ToolbarButton>
              <ToolbarDivider />
            </>
          )}
          <ToolbarButton onClick={refresh}>{t('refresh')}</ToolbarButton>
        </Toolbar>
      </div>

      <MailboxJobStatus {...mailboxJob} />

      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t('loadFailed')}</MessageBarTitle>
            {errorMessage(error)}
          </MessageBarBody>
        </MessageBar>
      )}
      {liveError && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t('liveStopped')}</MessageBarTitle>
            {t('liveStoppedList')}
          </MessageBarBody>
        </MessageBar>
      )}

      <Text role="status">{totalCount !== null && t('count', { count: totalCount })}</Text>

      {loading && <Spinner label={t('loadingList')} />}

      {totalCount === 0 &&
        (filtered ? (
          <div className={styles.empty}>
            <Body1>{t('noMatch')}</Body1>
            <Button onClick={clear}>{t('clearFilters')}</Button>
          </div>
        ) : (
          <div className={styles.empty}>
            <Body1>{t('emptyList')}</Body1>
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
            {loadingMore ? t('loadingMore') : t('loadMore')}
          </Button>
        </div>
      )}
    </section>
  );
}
