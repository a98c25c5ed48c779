import { Title1, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useParams } from 'react-router';
import { formatDateTime } from '../../../shared/format-date-time';
import { RecordDetails } from '../../../shared/record-details.component';
import { RecordLoadState } from '../../../shared/record-load-state.component';
import { RouterLink } from '../../../shared/router-link.component';
import { AppointmentComposer } from '../../timeline/components/appointment-composer.component';
import { TaskComposer } from '../../timeline/components/task-composer.component';
import { Timeline } from '../../timeline/components/timeline.component';
import { useTimeline } from '../../timeline/hooks/use-timeline.hook';
import type { ContactRecord } from '../graphql/contacts.graphql';
import { useContact } from '../hooks/use-contact.hook';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, maxWidth: '960px' },
  heading: { margin: 0, overflowWrap: 'anywhere' },
});

export function ContactPage() {
  const { id = '' } = useParams();
  return <ContactView key={id} id={id} />;
}

function ContactView({ id }: { id: string }) {
  const { record, loading, error } = useContact(id);
  if (!record) return <RecordLoadState kind="Contact" loading={loading} error={error} />;
  return <ContactRecordView contact={record} />;
}

function ContactRecordView({ contact }: { contact: ContactRecord }) {
  const styles = useStyles();
  const headingId = useId();
  const timeline = useTimeline(contact.id);
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Title1 as="h1" id={headingId} className={styles.heading}>
        {contact.firstName} {contact.lastName}
      </Title1>
      <RecordDetails
        items={[
          { term: 'Job title', value: contact.jobTitle ?? 'None' },
          { term: 'Email', value: contact.emailAddress ?? 'None' },
          { term: 'Business phone', value: contact.businessPhone ?? 'None' },
          { term: 'Mobile phone', value: contact.mobilePhone ?? 'None' },
          { term: 'Company', value: contact.companyName ?? 'None' },
          {
            term: 'Account',
            value:
              contact.account === null ? (
                'None'
              ) : (
                <RouterLink to={`/accounts/${contact.account.id}`}>{contact.account.name}</RouterLink>
              ),
          },
          { term: 'Created', value: <time dateTime={contact.createdAt}>{formatDateTime(contact.createdAt)}</time> },
        ]}
      />
      <TaskComposer regardingId={contact.id} onCreated={timeline.showSent} />

      <AppointmentComposer
        regardingId={contact.id}
        defaultAttendees={contact.emailAddress ? [contact.emailAddress] : []}
        onCreated={timeline.showSent}
      />

      <Timeline timeline={timeline} />
    </section>
  );
}
