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
import { useFormat } from '../../../shared/format';
import { useText } from '../../../shared/i18n';
import { RouterLink } from '../../../shared/router-link.component';
import { UpdateTaskStatusMutation, type TimelineActivity, type TimelineTask } from '../graphql/timeline.graphql';
import { RECORD_PATHS, TASK_STATUS_COLORS } from '../timeline.labels';
import { timelineText } from '../timeline.strings';
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
  const t = useText(timelineText);
  const format = useFormat();
  const subjectId = useId();
  const [{ fetching, error }, updateStatus] = useMutation(UpdateTaskStatusMutation);
  const completed = task.taskStatus === 'COMPLETED';
  const regardingPath = task.regarding ? RECORD_PATHS[task.regarding.type] : undefined;
  const decision = syncDecisionText(task.syncDecision, t);

  const toggle = async () => {
    const result = await updateStatus({ id: task.id, status: completed ? 'NOT_STARTED' : 'COMPLETED' });
    if (result.data) onChanged(result.data.updateTask as TimelineActivity);
  };

  return (
    <article className={styles.root} aria-labelledby={subjectId}>
      <div className={styles.header}>
        <span className={styles.kind}>
          <TaskListSquareLtrRegular aria-hidden />
          <Caption1>{t('task.kind')}</Caption1>
        </span>
        <Subtitle2 as="h3" id={subjectId} className={styles.subject}>
          {task.subject}
        </Subtitle2>
        <Badge appearance="tint" color={TASK_STATUS_COLORS[task.taskStatus]}>
          {t(`taskStatus.${task.taskStatus}`)}
        </Badge>
        <Caption1 className={styles.muted}>
          <time dateTime={task.occurredAt}>{format.dateTime(task.occurredAt)}</time>
        </Caption1>
      </div>
      {task.description.trim() !== '' && <Body1 className={styles.description}>{task.description}</Body1>}
      <div className={styles.footer}>
        <Caption1 className={styles.muted}>
          {task.dueAt ? (
            <>
              {t('task.due')} <time dateTime={task.dueAt}>{format.dateTime(task.dueAt)}</time>
            </>
          ) : (
            t('task.noDue')
          )}
          {task.importance === 'HIGH' && ` · ${t('task.highImportance')}`}
          {completed && task.completedAt && (
            <>
              {` · ${t('task.completedAt')} `}
              <time dateTime={task.completedAt}>{format.dateTime(task.completedAt)}</time>
            </>
          )}
        </Caption1>
        {task.regarding && task.regarding.id !== regardingId && (
          <Caption1 className={styles.muted}>
            {t('regarding')}{' '}
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
          {completed ? t('task.reopen') : t('task.markComplete')}
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
