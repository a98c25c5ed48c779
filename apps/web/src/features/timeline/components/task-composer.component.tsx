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
import { CreateTaskMutation, type TimelineActivity } from '../graphql/timeline.graphql';
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
  const [subject, setSubject] = useState('');
  const [due, setDue] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [{ fetching, error }, createTask] = useMutation(CreateTaskMutation);
  const problem = subject.trim() === '' ? 'Add a subject.' : undefined;

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
        New task
      </Subtitle1>
      {error && !fetching && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Could not create the task</MessageBarTitle>
            {errorMessage(error)}
          </MessageBarBody>
        </MessageBar>
      )}
      {created !== null && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Task added</MessageBarTitle>“{created}” is on the timeline and in your tasks.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Field label="Task" required className={styles.grow} validationMessage={submitted ? problem : undefined}>
          <Input
            value={subject}
            onChange={(_, data) => {
              setSubject(data.value);
              setCreated(null);
            }}
            autoComplete="off"
          />
        </Field>
        <Field label="Due">
          <Input type="date" value={due} onChange={(_, data) => setDue(data.value)} />
        </Field>
        <Button type="submit" appearance="primary" icon={<AddRegular />} disabledFocusable={fetching}>
          {fetching ? 'Adding…' : 'Add task'}
        </Button>
      </div>
    </form>
  );
}
