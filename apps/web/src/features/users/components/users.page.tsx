import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  SearchBox,
  Spinner,
  Text,
  Title1,
  Toolbar,
  ToolbarButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, DismissRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { SecurityRoleName } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/error-message';
import { currentLanguage, useText } from '../../../shared/i18n';
import { RouterLink } from '../../../shared/router-link.component';
import { useToast } from '../../../shared/toast';
import { useDebouncedValue } from '../../../shared/use-debounced-value.hook';
import type { UserRow } from '../graphql/users.graphql';
import { useDirectoryImport } from '../hooks/use-directory-import.hook';
import { useUsers } from '../hooks/use-users.hook';
import { mailboxRolesOf } from '../user.labels';
import { usersText } from '../users.strings';
import { DirectoryImportStatus } from './directory-import-status.component';
import { EditUserDialog } from './edit-user-dialog.component';
import { UsersTable } from './users-table.component';

const SEARCH_DELAY_MS = 300;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  intro: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '880px' },
  heading: { margin: 0 },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
  },
  search: { minWidth: '280px' },
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

/**
 * A user the last save gave a mailbox, with the roles that did it: the next step (approve and test
 * it) stays on the page until closed. Put in words as the page renders, in the language of the moment.
 */
type NewMailbox = { displayName: string; roles: SecurityRoleName[] };

function newMailboxOf(before: UserRow, after: UserRow): NewMailbox | null {
  // Only a user who did not hold either role before gets a new mailbox (the API never removes one).
  const gained = mailboxRolesOf(before.roles).length === 0 ? mailboxRolesOf(after.roles) : [];
  return gained.length === 0 ? null : { displayName: after.displayName, roles: gained };
}

export function UsersPage() {
  const styles = useStyles();
  const t = useText(usersText);
  const headingId = useId();
  const [search, setSearch] = useState('');
  const debouncedSearch = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const { rows, totalCount, hasNextPage, loading, loadingMore, error, loadMore, refresh, showSaved } =
    useUsers(debouncedSearch);
  const directoryImport = useDirectoryImport(refresh);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [editOpen, setEditOpen] = useState(false);
  const [newMailbox, setNewMailbox] = useState<NewMailbox | null>(null);
  const notify = useToast();

  function handleEdit(user: UserRow) {
    setEditing(user);
    setEditOpen(true);
  }

  function handleSaved(before: UserRow, after: UserRow) {
    showSaved(after);
    setNewMailbox(newMailboxOf(before, after));
    setEditOpen(false);
    notify({ title: t('saved'), body: t('savedBody', { name: after.displayName }) });
  }

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.intro}>
        <Title1 as="h1" id={headingId} className={styles.heading}>
          {t('title')}
        </Title1>
        <Body1>{t('intro')}</Body1>
      </div>

      <div className={styles.bar}>
        <div role="search" aria-label={t('filter')}>
          <Field label={t('search')} className={styles.search}>
            <SearchBox
              placeholder={t('searchPlaceholder')}
              value={search}
              onChange={(_, data) => setSearch(data.value)}
            />
          </Field>
        </div>
        <Toolbar aria-label={t('actions')}>
          <ToolbarButton
            appearance="primary"
            icon={<ArrowDownloadRegular />}
            // Still focusable while the import runs, so the keyboard user's place is kept.
            disabledFocusable={directoryImport.running}
            onClick={() => void directoryImport.start()}
          >
            {t('importFromDirectory')}
          </ToolbarButton>
        </Toolbar>
      </div>

      <DirectoryImportStatus {...directoryImport} />

      {newMailbox !== null && (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>{t('newMailbox')}</MessageBarTitle>
            {t('savedNewMailbox', {
              name: newMailbox.displayName,
              roles: new Intl.ListFormat(currentLanguage(), { type: 'conjunction' }).format(
                newMailbox.roles.map((role) => t(`role.${role}`)),
              ),
            })}{' '}
            <RouterLink to="/mailboxes">{t('goToMailboxes')}</RouterLink>
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label={t('closeNewMailbox')}
                icon={<DismissRegular />}
                onClick={() => setNewMailbox(null)}
              />
            }
          />
        </MessageBar>
      )}

      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t('loadFailed')}</MessageBarTitle>
            {errorMessage(error)}
          </MessageBarBody>
        </MessageBar>
      )}

      <Text role="status">{totalCount !== null && t('count', { count: totalCount })}</Text>

      {loading && <Spinner label={t('loading')} />}

      {totalCount === 0 && (
        <div className={styles.empty}>
          {debouncedSearch === '' ? (
            <Body1>{t('empty')}</Body1>
          ) : (
            <>
              <Body1>{t('noMatch', { search: debouncedSearch })}</Body1>
              <Button onClick={() => setSearch('')}>{t('clearSearch')}</Button>
            </>
          )}
        </div>
      )}

      {rows.length > 0 && <UsersTable rows={rows} labelledBy={headingId} onEdit={handleEdit} />}

      {hasNextPage && (
        <div className={styles.footer}>
          <Button onClick={loadMore} disabled={loadingMore}>
            {loadingMore ? t('loadingMore') : t('loadMore')}
          </Button>
        </div>
      )}

      <EditUserDialog user={editing} open={editOpen} onClose={() => setEditOpen(false)} onSaved={handleSaved} />
    </section>
  );
}
