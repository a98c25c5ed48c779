import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import { errorMessage } from '../../../shared/error-message';
import { useFormat } from '../../../shared/format';
import { useText } from '../../../shared/i18n';
import type { TimelineState } from '../hooks/use-timeline.hook';
import { timelineText } from '../timeline.strings';
import { AppointmentActivity } from './appointment-activity.component';
import { EmailActivity } from './email-activity.component';
import { TaskActivity } from './task-activity.component';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  thread: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  threadEmails: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  // The earlier emails of a conversation hang under its latest one.
  reply: {
    marginLeft: tokens.spacingHorizontalXL,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  threadCaption: { color: tokens.colorNeutralForeground3 },
  empty: {
    padding: tokens.spacingVerticalXL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  footer: { display: 'flex', justifyContent: 'center' },
});

/** A record's timeline: conversations and tasks newest first, each with its status, live. */
export function Timeline({ timeline }: { timeline: TimelineState }) {
  const styles = useStyles();
  const headingId = useId();
  const t = useText(timelineText);
  const format = useFormat();
  const { threads, totalCount, hasNextPage, loading, loadingMore, error, liveError, loadMore, regardingId } = timeline;

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t('heading')}
      </Subtitle1>

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
            {t('liveStoppedDetail')}
          </MessageBarBody>
        </MessageBar>
      )}

      <Text role="status">
        {totalCount !== null && t('activities', { count: totalCount, n: format.number(totalCount) })}
      </Text>
      {loading && <Spinner label={t('loading')} />}
      {totalCount === 0 && threads.length === 0 && <Body1 className={styles.empty}>{t('empty')}</Body1>}

      {threads.length > 0 && (
        <ol className={styles.list} aria-labelledby={headingId}>
          {threads.map((thread) => (
            <li key={thread.key} className={styles.thread}>
              {thread.entries.length > 1 && (
                <Caption1 className={styles.threadCaption}>
                  {t('conversation', { count: thread.entries.length, n: format.number(thread.entries.length) })}
                </Caption1>
              )}
              <ol className={styles.threadEmails}>
                {thread.entries.map((activity, index) => (
                  <li key={activity.id} className={index > 0 ? styles.reply : undefined}>
                    {activity.__typename === 'Task' ? (
                      <TaskActivity task={activity} regardingId={regardingId} onChanged={timeline.showChanged} />
                    ) : activity.__typename === 'Appointment' ? (
                      <AppointmentActivity appointment={activity} regardingId={regardingId} />
                    ) : (
                      <EmailActivity email={activity} regardingId={regardingId} />
                    )}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
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
