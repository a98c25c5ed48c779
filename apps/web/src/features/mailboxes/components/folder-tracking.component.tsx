import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Subtitle1,
  Subtitle2,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import type { CombinedError } from '@urql/core';
import { useId, useState, type FormEvent } from 'react';
import type { RegardingType } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/error-message';
import type { FolderTrackingRule } from '../graphql/folder-tracking.graphql';
import type { MailboxRecord } from '../graphql/mailbox.graphql';
import { useFolderTracking, type FolderTrackingState } from '../hooks/use-folder-tracking.hook';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
    alignItems: 'start',
    gap: tokens.spacingHorizontalL,
  },
  formHeading: { margin: 0 },
  folder: { overflowWrap: 'anywhere' },
  actions: { width: '120px' },
});

// The API refuses more (per user); said here so nobody has to find out by trying.
const MAX_RULES = 25;

// By the API's kinds of record, which `RecordRef.type` names as a string.
const REGARDING_LABELS: Partial<Record<string, string>> = {
  OPPORTUNITY: 'Opportunity',
  ACCOUNT: 'Account',
  CONTACT: 'Contact',
  LEAD: 'Lead',
} satisfies Record<RegardingType, string>;

const RECORD_GROUPS: { type: RegardingType; label: string }[] = [
  { type: 'OPPORTUNITY', label: 'Opportunities' },
  { type: 'ACCOUNT', label: 'Accounts' },
  { type: 'CONTACT', label: 'Contacts' },
];

function ErrorBar({ title, error }: { title: string; error: CombinedError | null }) {
  if (error === null) return null;
  return (
    <MessageBar intent="error">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {errorMessage(error)}
      </MessageBarBody>
    </MessageBar>
  );
}

function ruleRecordText(rule: FolderTrackingRule): string {
  const { regarding } = rule;
  if (regarding !== null) return `${REGARDING_LABELS[regarding.type] ?? regarding.type}: ${regarding.name}`;
  // A record that is gone leaves only its kind.
  return rule.regardingType === null ? 'No record' : (REGARDING_LABELS[rule.regardingType] ?? rule.regardingType);
}

/**
 * The owner's folder tracking: with it on, a message moved into a folder under the Inbox that has
 * a rule is tracked, regarding the rule's record.
 */
export function FolderTrackingSection({ mailbox }: { mailbox: MailboxRecord }) {
  const styles = useStyles();
  const headingId = useId();
  const state = useFolderTracking(mailbox.id);
  const { rules, toggle, remove } = state;
  // What the user switched to shows until the mailbox, read again after the change, says the same.
  const [requested, setRequested] = useState<boolean | null>(null);
  if (requested !== null && requested === mailbox.folderTrackingEnabled) setRequested(null);

  async function handleToggle(enabled: boolean) {
    setRequested(enabled);
    if (!(await toggle.set(enabled))) setRequested(null);
  }

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        Folder tracking
      </Subtitle1>
      <Body1>
        Map folders under your Inbox to records: each message you move into a mapped folder is tracked to Mailroom,
        regarding the folder’s record. You can have up to {MAX_RULES} rules.
      </Body1>

      <ErrorBar title="Could not change folder tracking" error={toggle.error} />
      <Switch
        label="Track messages moved into mapped folders"
        checked={requested ?? mailbox.folderTrackingEnabled}
        disabled={toggle.fetching}
        onChange={(_, data) => void handleToggle(data.checked)}
      />

      <ErrorBar title="Could not load the rules" error={state.rulesError} />
      <ErrorBar title="Could not delete the rule" error={remove.error} />
      {rules === undefined && state.rulesError === null && <Spinner label="Loading the rules" />}
      {rules !== undefined && (
        <Text role="status">
          {rules.length === 0 ? 'No folder is mapped yet.' : `${rules.length} of ${MAX_RULES} rules`}
        </Text>
      )}
      {rules !== undefined && rules.length > 0 && (
        <Table aria-label="Folder tracking rules">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Folder</TableHeaderCell>
              <TableHeaderCell>Regarding</TableHeaderCell>
              <TableHeaderCell className={styles.actions} aria-label="Actions" />
            </TableRow>
          </TableHeader>
          <TableBody>
            {rules.map((rule) => (
              <TableRow key={rule.id}>
                <TableCell className={styles.folder}>{rule.folderPath}</TableCell>
                <TableCell>{ruleRecordText(rule)}</TableCell>
                <TableCell>
                  <Button
                    icon={<DeleteRegular />}
                    aria-label={`Delete the rule for ${rule.folderPath}`}
                    disabled={remove.fetching}
                    onClick={() => void remove.run(rule.id)}
                  >
                    Delete
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      <AddRuleForm state={state} />
    </section>
  );
}

function AddRuleForm({ state }: { state: FolderTrackingState }) {
  const styles = useStyles();
  const headingId = useId();
  const { folders, records, rules, create } = state;
  const [folderId, setFolderId] = useState('');
  const [regardingId, setRegardingId] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const mapped = new Set(rules?.map((rule) => rule.folderId));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (folderId === '') return;
    if (await create.run(folderId, regardingId === '' ? null : regardingId)) {
      setFolderId('');
      setRegardingId('');
      setSubmitted(false);
    }
  }

  return (
    <form className={styles.form} aria-labelledby={headingId} onSubmit={handleSubmit} noValidate>
      <Subtitle2 as="h3" id={headingId} className={styles.formHeading}>
        Add a rule
      </Subtitle2>
      <ErrorBar title="Could not load your folders" error={state.foldersError} />
      <ErrorBar title="Could not load your records" error={state.recordsError} />
      <ErrorBar title="Could not add the rule" error={create.fetching ? null : create.error} />
      <div className={styles.fields}>
        <Field
          label="Folder"
          required
          hint={folders !== undefined && folders.length === 0 ? 'Create a folder under your Inbox first.' : undefined}
          validationMessage={submitted && folderId === '' ? 'Choose a folder.' : undefined}
        >
          <Select value={folderId} onChange={(_, data) => setFolderId(data.value)} disabled={folders === undefined}>
            <option value="">{folders === undefined ? 'Loading folders…' : 'Choose a folder'}</option>
            {folders?.map((folder) => (
              <option key={folder.id} value={folder.id} disabled={mapped.has(folder.id)}>
                {mapped.has(folder.id) ? `${folder.path} (mapped)` : folder.path}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Regarding" hint="Optional: the record tracked messages are about.">
          <Select value={regardingId} onChange={(_, data) => setRegardingId(data.value)}>
            <option value="">No record</option>
            {RECORD_GROUPS.map(({ type, label }) => {
              const options = records.filter((record) => record.type === type);
              return (
                options.length > 0 && (
                  <optgroup key={type} label={label}>
                    {options.map((record) => (
                      <option key={record.id} value={record.id}>
                        {record.name}
                      </option>
                    ))}
                  </optgroup>
                )
              );
            })}
          </Select>
        </Field>
      </div>
      <div>
        <Button type="submit" appearance="primary" disabledFocusable={create.fetching}>
          {create.fetching ? 'Adding…' : 'Add rule'}
        </Button>
      </div>
    </form>
  );
}
