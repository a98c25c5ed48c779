import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleRegular, TaskListSquareLtrRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { useMutation } from 'urql';
import { errorMessage } from '../../../shared/error-message';
import { formatDateTime } from '../../../shared/format-date-time';
import { RouterLink } from '../../../shared/router-link.component';
import { UpdateTaskStatusMutation, type TimelineActivity, type TimelineTask } from '../graphql/timeline.graphql';
import { RECORD_PATHS, TASK_STATUS_COLORS, TASK_STATUS_LABELS } from '../timeline.labels';
import { syncDecisionText } from './sync-decision';
import { useActivityStyles } from './timeline.styles';

const useStyles = makeStyles({
  footer: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

type TaskActivityProps = {
  task: TimelineTask;
  /** The record whose timeline shows it; "Regarding" is said only for another record. */
  regardingId: string;
  onChanged: (task: TimelineActivity) => void;
};

/** One task on a timeline: subject, status, due date, and a button to complete or reopen it. */
export function TaskActivity({ task, regardingId, onChanged }: TaskActivityProps) {
  const styles = { ...useActivityStyles(), ...useStyles() };
  const subjectId = useId();
  const [{ fetching, error }, updateStatus] = useMutation(UpdateTaskStatusMutation);
  const completed = task.taskStatus === 'COMPLETED';
  const regardingPath = task.regarding ? RECORD_PATHS[task.regarding.type] : undefined;
  const decision = syncDecisionText(task.syncDecision);

  const toggle = async () => {
    const result = await updateStatus({ id: task.id, status: completed ? 'NOT_STARTED' : 'COMPLETED' });
    if (result.data) onChanged(result.data.updateTask as TimelineActivity);
  };

  return (
    <article className={styles.root} aria-labelledby={subjectId}>
      <div className={styles.header}>
        <span className={styles.kind}>
          <TaskListSquareLtrRegular aria-hidden />
          <Caption1>Task</Caption1>
        </span>
        <Subtitle2 as="h3" id={subjectId} className={styles.subject}>
          {task.subject}
        </Subtitle2>
        <Badge appearance="tint" color={TASK_STATUS_COLORS[task.taskStatus]}>
          {TASK_STATUS_LABELS[task.taskStatus]}
        </Badge>
        <Caption1 className={styles.muted}>
          <time dateTime={task.occurredAt}>{formatDateTime(task.occurredAt)}</time>
        </Caption1>
      </div>
      {task.description.trim() !== '' && <Body1 className={styles.description}>{task.description}</Body1>}
      <div className={styles.footer}>
        <Caption1 className={styles.muted}>
          {task.dueAt ? (
            <>
              Due <time dateTime={task.dueAt}>{formatDateTime(task.dueAt)}</time>
            </>
          ) : (
            'No due date'
          )}
          {task.importance === 'HIGH' && ' · High importance'}
          {completed && task.completedAt && (
            <>
              {' · Completed '}
              <time dateTime={task.completedAt}>{formatDateTime(task.completedAt)}</time>
            </>
          )}
        </Caption1>
        {task.regarding && task.regarding.id !== regardingId && (
          <Caption1 className={styles.muted}>
            Regarding{' '}
            {regardingPath === undefined ? (
              task.regarding.name
            ) : (
              <RouterLink to={`${regardingPath}/${task.regarding.id}`}>{task.regarding.name}</RouterLink>
            )}
          </Caption1>
        )}
        <Button
          size="small"
          icon={completed ? undefined : <CheckmarkCircleRegular />}
          onClick={() => void toggle()}
          disabled={fetching}
        >
          {completed ? 'Reopen' : 'Mark complete'}
        </Button>
      </div>
      {decision && <Caption1 className={styles.muted}>{decision}</Caption1>}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{errorMessage(error)}</MessageBarBody>
        </MessageBar>
      )}
    </article>
  );
}
