import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { errorMessage } from '../../../shared/error-message';
import { useText } from '../../../shared/i18n';
import { CreateTaskMutation, type TimelineActivity } from '../graphql/timeline.graphql';
import { timelineText } from '../timeline.strings';
import { useComposerStyles } from './timeline.styles';

type TaskComposerProps = {
  /** The record the task is about; it lands on that record's timeline. */
  regardingId: string;
  onCreated: (task: TimelineActivity) => void;
};

/** `2026-12-04` (the date input's value, the user's calendar day) → that day at 09:00 local time. */
function dueAtOf(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date, 9).toISOString();
}

/** Adds a task to a record; with the user's tasks synced, it lands in their Microsoft To Do. */
export function TaskComposer({ regardingId, onCreated }: TaskComposerProps) {
  const styles = useComposerStyles();
  const headingId = useId();
  const t = useText(timelineText);
  const [subject, setSubject] = useState('');
  const [due, setDue] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [{ fetching, error }, createTask] = useMutation(CreateTaskMutation);
  const problem = subject.trim() === '' ? t('composer.addSubject') : undefined;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (problem) return;
    const result = await createTask({ input: { regardingId, subject: subject.trim(), dueAt: dueAtOf(due) } });
    const task = result.data?.createTask;
    if (task === undefined) return;
    onCreated({ ...task, __typename: 'Task' });
    setCreated(task.subject);
    setSubject('');
    setDue('');
    setSubmitted(false);
  }

  return (
    <form className={styles.form} aria-labelledby={headingId} onSubmit={handleSubmit} noValidate>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t('taskComposer.heading')}
      </Subtitle1>
      {error && !fetching && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t('taskComposer.failed')}</MessageBarTitle>
            {errorMessage(error)}
          </MessageBarBody>
        </MessageBar>
      )}
      {created !== null && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>{t('taskComposer.added')}</MessageBarTitle>
            {t('taskComposer.addedDetail', { subject: created })}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Field
          label={t('taskComposer.task')}
          required
          className={styles.grow}
          validationMessage={submitted ? problem : undefined}
        >
          <Input
            value={subject}
            onChange={(_, data) => {
              setSubject(data.value);
              setCreated(null);
            }}
            autoComplete="off"
          />
        </Field>
        <Field label={t('taskComposer.due')}>
          <Input type="date" value={due} onChange={(_, data) => setDue(data.value)} />
        </Field>
        <Button type="submit" appearance="primary" icon={<AddRegular />} disabledFocusable={fetching}>
          {fetching ? t('taskComposer.adding') : t('taskComposer.add')}
        </Button>
      </div>
    </form>
  );
}
