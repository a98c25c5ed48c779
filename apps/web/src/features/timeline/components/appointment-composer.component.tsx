import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
} from '@fluentui/react-components';
import { CalendarAddRegular } from '@fluentui/react-icons';
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { errorMessage } from '../../../shared/error-message';
import { useText } from '../../../shared/i18n';
import { addressesProblem, parseAddresses } from '../email-text';
import { CreateAppointmentMutation, type TimelineActivity } from '../graphql/timeline.graphql';
import { timelineText } from '../timeline.strings';
import { useComposerStyles } from './timeline.styles';

type Values = { subject: string; day: string; from: string; to: string; attendees: string; location: string };

type AppointmentComposerProps = {
  /** The record the appointment is about; it lands on that record's timeline. */
  regardingId: string;
  /** Who attends unless the user changes it (e.g. the opportunity's contacts). */
  defaultAttendees?: readonly string[];
  onCreated: (appointment: TimelineActivity) => void;
};

/** `2026-12-04` and `10:30` in the user's time zone → an instant, or null when either is missing. */
function instantOf(day: string, time: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new Date(year, month - 1, date, hours, minutes);
}

/** Books an appointment from a record; with the user's appointments synced, it lands in their calendar. */
export function AppointmentComposer({ regardingId, defaultAttendees = [], onCreated }: AppointmentComposerProps) {
  const styles = useComposerStyles();
  const headingId = useId();
  const t = useText(timelineText);
  const initial = (): Values => ({
    subject: '',
    day: '',
    from: '10:00',
    to: '11:00',
    attendees: defaultAttendees.join('; '),
    location: '',
  });
  const [values, setValues] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [{ fetching, error }, createAppointment] = useMutation(CreateAppointmentMutation);

  const start = instantOf(values.day, values.from);
  const end = instantOf(values.day, values.to);
  const problems = {
    subject: values.subject.trim() === '' ? t('composer.addSubject') : undefined,
    day: start === null ? t('appointmentComposer.chooseDay') : undefined,
    to:
      start && end && end < start
        ? t('appointmentComposer.endBeforeStart')
        : end === null
          ? t('appointmentComposer.chooseEnd')
          : undefined,
    attendees: addressesProblem(values.attendees, false, t),
  };

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((previous) => ({ ...previous, [key]: value }));
    setCreated(null);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.values(problems).some(Boolean) || !start || !end) return;
    const result = await createAppointment({
      input: {
        regardingId,
        subject: values.subject.trim(),
        start: start.toISOString(),
        end: end.toISOString(),
        attendees: parseAddresses(values.attendees),
        location: values.location.trim(),
      },
    });
    const appointment = result.data?.createAppointment;
    if (appointment === undefined) return;
    onCreated({ ...appointment, __typename: 'Appointment' });
    setCreated(appointment.subject);
    setValues(initial());
    setSubmitted(false);
  }

  return (
    <form className={styles.form} aria-labelledby={headingId} onSubmit={handleSubmit} noValidate>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t('appointmentComposer.heading')}
      </Subtitle1>
      {error && !fetching && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t('appointmentComposer.failed')}</MessageBarTitle>
            {errorMessage(error)}
          </MessageBarBody>
        </MessageBar>
      )}
      {created !== null && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>{t('appointmentComposer.booked')}</MessageBarTitle>
            {t('appointmentComposer.bookedDetail', { subject: created })}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.fields}>
        <Field
          label={t('composer.subject')}
          required
          className={styles.grow}
          validationMessage={submitted ? problems.subject : undefined}
        >
          <Input value={values.subject} onChange={(_, data) => set('subject', data.value)} autoComplete="off" />
        </Field>
        <Field label={t('appointmentComposer.location')} className={styles.grow}>
          <Input value={values.location} onChange={(_, data) => set('location', data.value)} autoComplete="off" />
        </Field>
      </div>
      <div className={styles.fields}>
        <Field label={t('appointmentComposer.day')} required validationMessage={submitted ? problems.day : undefined}>
          <Input type="date" value={values.day} onChange={(_, data) => set('day', data.value)} />
        </Field>
        <Field label={t('appointmentComposer.from')} required>
          <Input type="time" value={values.from} onChange={(_, data) => set('from', data.value)} />
        </Field>
        <Field label={t('appointmentComposer.to')} required validationMessage={submitted ? problems.to : undefined}>
          <Input type="time" value={values.to} onChange={(_, data) => set('to', data.value)} />
        </Field>
      </div>
      <Field
        label={t('appointmentComposer.attendees')}
        hint={t('composer.addressesHint')}
        validationMessage={submitted ? problems.attendees : undefined}
      >
        <Input
          value={values.attendees}
          onChange={(_, data) => set('attendees', data.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
      <div>
        <Button type="submit" appearance="primary" icon={<CalendarAddRegular />} disabledFocusable={fetching}>
          {fetching ? t('appointmentComposer.booking') : t('appointmentComposer.book')}
        </Button>
      </div>
    </form>
  );
}
