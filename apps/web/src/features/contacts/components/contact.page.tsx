import { Title1, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useParams } from 'react-router';
import { useFormat } from '../../../shared/format';
import { useText } from '../../../shared/i18n';
import { RecordDetails } from '../../../shared/record-details.component';
import { RecordLoadState } from '../../../shared/record-load-state.component';
import { RouterLink } from '../../../shared/router-link.component';
import { AppointmentComposer } from '../../timeline/components/appointment-composer.component';
import { TaskComposer } from '../../timeline/components/task-composer.component';
import { Timeline } from '../../timeline/components/timeline.component';
import { useTimeline } from '../../timeline/hooks/use-timeline.hook';
import type { ContactRecord } from '../graphql/contacts.graphql';
import { contactsText } from '../contacts.strings';
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
  const t = useText(contactsText);
  const { record, loading, error } = useContact(id);
  if (!record) return <RecordLoadState kind={t('kind')} loading={loading} error={error} />;
  return <ContactRecordView contact={record} />;
}

function ContactRecordView({ contact }: { contact: ContactRecord }) {
  const styles = useStyles();
  const headingId = useId();
  const t = useText(contactsText);
  const format = useFormat();
  const timeline = useTimeline(contact.id);
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Title1 as="h1" id={headingId} className={styles.heading}>
        {contact.firstName} {contact.lastName}
      </Title1>
      <RecordDetails
        items={[
          { term: t('jobTitle'), value: contact.jobTitle ?? t('none') },
          { term: t('email'), value: contact.emailAddress ?? t('none') },
          { term: t('businessPhone'), value: contact.businessPhone ?? t('none') },
          { term: t('mobilePhone'), value: contact.mobilePhone ?? t('none') },
          { term: t('company'), value: contact.companyName ?? t('none') },
          {
            term: t('account'),
            value:
              contact.account === null ? (
                t('none')
              ) : (
                <RouterLink to={`/accounts/${contact.account.id}`}>{contact.account.name}</RouterLink>
              ),
          },
          { term: t('created'), value: <time dateTime={contact.createdAt}>{format.dateTime(contact.createdAt)}</time> },
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
