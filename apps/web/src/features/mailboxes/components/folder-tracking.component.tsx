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
import { useText, type Translate } from '../../../shared/i18n';
import { useToast } from '../../../shared/toast';
import type { FolderTrackingRule } from '../graphql/folder-tracking.graphql';
import type { MailboxRecord } from '../graphql/mailbox.graphql';
import { useFolderTracking, type FolderTrackingState } from '../hooks/use-folder-tracking.hook';
import { mailboxesText } from '../mailboxes.strings';

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

type Text = Translate<(typeof mailboxesText)['en']>;

// The API's kinds of record, which `RecordRef.type` names as a string.
const REGARDING_TYPES: readonly RegardingType[] = ['OPPORTUNITY', 'ACCOUNT', 'CONTACT', 'LEAD'];

/** The record kinds the Regarding list groups by, in its order. */
const RECORD_GROUPS = ['OPPORTUNITY', 'ACCOUNT', 'CONTACT'] as const satisfies readonly RegardingType[];

function typeLabel(t: Text, type: string): string {
  const known = REGARDING_TYPES.find((candidate) => candidate === type);
  return known === undefined ? type : t(`folders.type.${known}`);
}

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

function ruleRecordText(t: Text, rule: FolderTrackingRule): string {
  const { regarding } = rule;
  if (regarding !== null) return t('folders.recordNamed', { type: typeLabel(t, regarding.type), name: regarding.name });
  // A record that is gone leaves only its kind.
  return rule.regardingType === null ? t('folders.noRecord') : typeLabel(t, rule.regardingType);
}

/**
 * The owner's folder tracking: with it on, a message moved into a folder under the Inbox that has
 * a rule is tracked, regarding the rule's record.
 */
export function FolderTrackingSection({ mailbox }: { mailbox: MailboxRecord }) {
  const styles = useStyles();
  const t = useText(mailboxesText);
  const headingId = useId();
  const notify = useToast();
  const state = useFolderTracking(mailbox.id);
  const { rules, toggle, remove } = state;
  // What the user switched to shows until the mailbox, read again after the change, says the same.
  const [requested, setRequested] = useState<boolean | null>(null);
  if (requested !== null && requested === mailbox.folderTrackingEnabled) setRequested(null);

  async function handleToggle(enabled: boolean) {
    setRequested(enabled);
    if (await toggle.set(enabled)) notify({ title: t(enabled ? 'folders.trackingOn' : 'folders.trackingOff') });
    else setRequested(null);
  }

  async function handleDelete(rule: FolderTrackingRule) {
    if (await remove.run(rule.id)) {
      notify({ title: t('folders.deleted'), body: t('folders.deletedBody', { folder: rule.folderPath }) });
    }
  }

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t('folders.title')}
      </Subtitle1>
      <Body1>{t('folders.intro', { max: MAX_RULES })}</Body1>

      <ErrorBar title={t('folders.toggleFailed')} error={toggle.error} />
      <Switch
        label={t('folders.toggle')}
        checked={requested ?? mailbox.folderTrackingEnabled}
        disabled={toggle.fetching}
        onChange={(_, data) => void handleToggle(data.checked)}
      />

      <ErrorBar title={t('folders.rulesFailed')} error={state.rulesError} />
      <ErrorBar title={t('folders.deleteFailed')} error={remove.error} />
      {rules === undefined && state.rulesError === null && <Spinner label={t('folders.loadingRules')} />}
      {rules !== undefined && (
        <Text role="status">
          {rules.length === 0 ? t('folders.noRules') : t('folders.ruleCount', { count: rules.length, max: MAX_RULES })}
        </Text>
      )}
      {rules !== undefined && rules.length > 0 && (
        <Table aria-label={t('folders.rules')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('folders.folder')}</TableHeaderCell>
              <TableHeaderCell>{t('folders.regarding')}</TableHeaderCell>
              <TableHeaderCell className={styles.actions} aria-label={t('folders.actions')} />
            </TableRow>
          </TableHeader>
          <TableBody>
            {rules.map((rule) => (
              <TableRow key={rule.id}>
                <TableCell className={styles.folder}>{rule.folderPath}</TableCell>
                <TableCell>{ruleRecordText(t, rule)}</TableCell>
                <TableCell>
                  <Button
                    icon={<DeleteRegular />}
                    aria-label={t('folders.deleteRule', { folder: rule.folderPath })}
                    disabled={remove.fetching}
                    onClick={() => void handleDelete(rule)}
                  >
                    {t('folders.delete')}
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
  const t = useText(mailboxesText);
  const notify = useToast();
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
      const folder = folders?.find((candidate) => candidate.id === folderId)?.path ?? '';
      notify({ title: t('folders.added'), body: t('folders.addedBody', { folder }) });
      setFolderId('');
      setRegardingId('');
      setSubmitted(false);
    }
  }

  return (
    <form className={styles.form} aria-labelledby={headingId} onSubmit={handleSubmit} noValidate>
      <Subtitle2 as="h3" id={headingId} className={styles.formHeading}>
        {t('folders.addRule')}
      </Subtitle2>
      <ErrorBar title={t('folders.foldersFailed')} error={state.foldersError} />
      <ErrorBar title={t('folders.recordsFailed')} error={state.recordsError} />
      <ErrorBar title={t('folders.addFailed')} error={create.fetching ? null : create.error} />
      <div className={styles.fields}>
        <Field
          label={t('folders.folder')}
          required
          hint={folders !== undefined && folders.length === 0 ? t('folders.noFolders') : undefined}
          validationMessage={submitted && folderId === '' ? t('folders.chooseFolderError') : undefined}
        >
          <Select value={folderId} onChange={(_, data) => setFolderId(data.value)} disabled={folders === undefined}>
            <option value="">{folders === undefined ? t('folders.loadingFolders') : t('folders.chooseFolder')}</option>
            {folders?.map((folder) => (
              <option key={folder.id} value={folder.id} disabled={mapped.has(folder.id)}>
                {mapped.has(folder.id) ? t('folders.mapped', { path: folder.path }) : folder.path}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('folders.regarding')} hint={t('folders.regardingHint')}>
          <Select value={regardingId} onChange={(_, data) => setRegardingId(data.value)}>
            <option value="">{t('folders.noRecord')}</option>
            {RECORD_GROUPS.map((type) => {
              const options = records.filter((record) => record.type === type);
              return (
                options.length > 0 && (
                  <optgroup key={type} label={t(`folders.group.${type}`)}>
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
          {create.fetching ? t('folders.adding') : t('folders.add')}
        </Button>
      </div>
    </form>
  );
}
