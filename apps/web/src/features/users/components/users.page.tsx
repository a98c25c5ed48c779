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
import { errorMessage } from '../../../shared/error-message';
import { RouterLink } from '../../../shared/router-link.component';
import { useDebouncedValue } from '../../../shared/use-debounced-value.hook';
import type { UserRow } from '../graphql/users.graphql';
import { useDirectoryImport } from '../hooks/use-directory-import.hook';
import { useUsers } from '../hooks/use-users.hook';
import { ROLE_LABELS, mailboxRolesOf } from '../user.labels';
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

/** What the last save changed, in words for the page. */
type Saved = { displayName: string; newMailboxRoles: string[] };

function savedNotice(before: UserRow, after: UserRow): Saved {
  // Only a user who did not hold either role before gets a new mailbox (the API never removes one).
  const gained = mailboxRolesOf(before.roles).length === 0 ? mailboxRolesOf(after.roles) : [];
  return { displayName: after.displayName, newMailboxRoles: gained.map((role) => ROLE_LABELS[role]) };
}

export function UsersPage() {
  const styles = useStyles();
  const headingId = useId();
  const [search, setSearch] = useState('');
  const debouncedSearch = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const { rows, totalCount, hasNextPage, loading, loadingMore, error, loadMore, refresh, showSaved } =
    useUsers(debouncedSearch);
  const directoryImport = useDirectoryImport(refresh);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [editOpen, setEditOpen] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);

  function handleEdit(user: UserRow) {
    setEditing(user);
    setEditOpen(true);
  }

  function handleSaved(before: UserRow, after: UserRow) {
    showSaved(after);
    setSaved(savedNotice(before, after));
    setEditOpen(false);
  }

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.intro}>
        <Title1 as="h1" id={headingId} className={styles.heading}>
          Users
        </Title1>
        <Body1>
          Users come from the Microsoft 365 tenant’s directory, with their user principal name (UPN), primary email and
          Exchange licence. Give them security roles and a sales licence here. Configure email auto-approves a mailbox
          only when the user holds Sales Professional or Sales Professional Manager, has a valid Exchange licence and
          their UPN is their primary email: “UPN differs” marks the users it cannot auto-approve.
        </Body1>
      </div>

      <div className={styles.bar}>
        <div role="search" aria-label="Filter users">
          <Field label="Search users" className={styles.search}>
            <SearchBox placeholder="Name or email" value={search} onChange={(_, data) => setSearch(data.value)} />
          </Field>
        </div>
        <Toolbar aria-label="User actions">
          <ToolbarButton
            appearance="primary"
            icon={<ArrowDownloadRegular />}
            // Still focusable while the import runs, so the keyboard user's place is kept.
            disabledFocusable={directoryImport.running}
            onClick={() => void directoryImport.start()}
          >
            Import from directory
          </ToolbarButton>
        </Toolbar>
      </div>

      <DirectoryImportStatus {...directoryImport} />

      {saved !== null && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Roles and licence saved</MessageBarTitle>
            {saved.newMailboxRoles.length > 0 ? (
              <>
                {saved.displayName} now holds {saved.newMailboxRoles.join(' and ')} and gets a mailbox to approve and
                test. <RouterLink to="/mailboxes">Go to the mailbox list</RouterLink>
              </>
            ) : (
              `The changes to ${saved.displayName} are in place.`
            )}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label="Close saved message"
                icon={<DismissRegular />}
                onClick={() => setSaved(null)}
              />
            }
          />
        </MessageBar>
      )}

      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Could not load users</MessageBarTitle>
            {errorMessage(error)}
          </MessageBarBody>
        </MessageBar>
      )}

      <Text role="status">{totalCount !== null && `${totalCount} ${totalCount === 1 ? 'user' : 'users'}`}</Text>

      {loading && <Spinner label="Loading users" />}

      {totalCount === 0 && (
        <div className={styles.empty}>
          {debouncedSearch === '' ? (
            <Body1>No users yet. Import them from the tenant’s directory.</Body1>
          ) : (
            <>
              <Body1>No users match “{debouncedSearch}”.</Body1>
              <Button onClick={() => setSearch('')}>Clear search</Button>
            </>
          )}
        </div>
      )}

      {rows.length > 0 && <UsersTable rows={rows} labelledBy={headingId} onEdit={handleEdit} />}

      {hasNextPage && (
        <div className={styles.footer}>
          <Button onClick={loadMore} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      )}

      <EditUserDialog user={editing} open={editOpen} onClose={() => setEditOpen(false)} onSaved={handleSaved} />
    </section>
  );
}
