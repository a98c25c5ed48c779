import { Body1, Caption1, Subtitle2 } from '@fluentui/react-components';
import { CalendarLtrRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { useFormat } from '../../../shared/format';
import { useText } from '../../../shared/i18n';
import { RouterLink } from '../../../shared/router-link.component';
import type { TimelineAppointment } from '../graphql/timeline.graphql';
import { RECORD_PATHS } from '../timeline.labels';
import { timelineText } from '../timeline.strings';
import { syncDecisionText } from './sync-decision';
import { useActivityStyles } from './timeline.styles';

type AppointmentActivityProps = {
  appointment: TimelineAppointment;
  /** The record whose timeline shows it; "Regarding" is said only for another record. */
  regardingId: string;
};

/** One appointment on a timeline: when, where, who attends. */
export function AppointmentActivity({ appointment, regardingId }: AppointmentActivityProps) {
  const styles = useActivityStyles();
  const t = useText(timelineText);
  const format = useFormat();
  const subjectId = useId();
  const regardingPath = appointment.regarding ? RECORD_PATHS[appointment.regarding.type] : undefined;
  const decision = syncDecisionText(appointment.syncDecision, t);

  return (
    <article className={styles.root} aria-labelledby={subjectId}>
      <div className={styles.header}>
        <span className={styles.kind}>
          <CalendarLtrRegular aria-hidden />
          <Caption1>{t('appointment.kind')}</Caption1>
        </span>
        <Subtitle2 as="h3" id={subjectId} className={styles.subject}>
          {appointment.subject}
        </Subtitle2>
      </div>
      <dl className={styles.details}>
        <dt className={styles.term}>{t('appointment.when')}</dt>
        <dd className={styles.value}>
          <time dateTime={appointment.startAt}>{format.dateTime(appointment.startAt)}</time> –{' '}
          <time dateTime={appointment.endAt}>{format.dateTime(appointment.endAt)}</time>
          {appointment.isAllDay && ` ${t('appointment.allDay')}`}
        </dd>
        {appointment.location.trim() !== '' && (
          <>
            <dt className={styles.term}>{t('appointment.where')}</dt>
            <dd className={styles.value}>{appointment.location}</dd>
          </>
        )}
        <dt className={styles.term}>{t('appointment.attendees')}</dt>
        <dd className={styles.value}>
          {appointment.attendees.length === 0
            ? t('appointment.noOneElse')
            : appointment.attendees.map((a) => a.address).join(', ')}
        </dd>
        {appointment.regarding && appointment.regarding.id !== regardingId && (
          <>
            <dt className={styles.term}>{t('regarding')}</dt>
            <dd className={styles.value}>
              {regardingPath === undefined ? (
                appointment.regarding.name
              ) : (
                <RouterLink to={`${regardingPath}/${appointment.regarding.id}`}>
                  {appointment.regarding.name}
                </RouterLink>
              )}
            </dd>
          </>
        )}
      </dl>
      {appointment.description.trim() !== '' && <Body1 className={styles.description}>{appointment.description}</Body1>}
      {decision && <Caption1 className={styles.muted}>{decision}</Caption1>}
    </article>
  );
}
