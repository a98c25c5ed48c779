import { Title1, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useParams } from 'react-router';
import { useFormat } from '../../../shared/format';
import { useText } from '../../../shared/i18n';
import { RecordDetails } from '../../../shared/record-details.component';
import { RecordLoadState } from '../../../shared/record-load-state.component';
import { RouterLink } from '../../../shared/router-link.component';
import { EmailComposer } from '../../timeline/components/email-composer.component';
import { AppointmentComposer } from '../../timeline/components/appointment-composer.component';
import { TaskComposer } from '../../timeline/components/task-composer.component';
import { Timeline } from '../../timeline/components/timeline.component';
import { useTimeline } from '../../timeline/hooks/use-timeline.hook';
import type { OpportunityRow } from '../graphql/opportunities.graphql';
import { useOpportunity } from '../hooks/use-opportunity.hook';
import { opportunitiesText } from '../opportunities.strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, maxWidth: '960px' },
  heading: { margin: 0, overflowWrap: 'anywhere' },
  contacts: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
});

export function OpportunityPage() {
  const { id = '' } = useParams();
  // Another opportunity is another page: nothing typed or seen on this one carries over.
  return <OpportunityView key={id} id={id} />;
}

function OpportunityView({ id }: { id: string }) {
  const t = useText(opportunitiesText);
  const { record, loading, error } = useOpportunity(id);
  if (!record) return <RecordLoadState kind={t('kind')} loading={loading} error={error} />;
  return <OpportunityRecordView opportunity={record} />;
}

function OpportunityRecordView({ opportunity }: { opportunity: OpportunityRow }) {
  const styles = useStyles();
  const headingId = useId();
  const t = useText(opportunitiesText);
  const format = useFormat();
  const timeline = useTimeline(opportunity.id);
  const contactAddresses = opportunity.contacts.flatMap((contact) =>
    contact.emailAddress === null ? [] : [contact.emailAddress],
  );

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Title1 as="h1" id={headingId} className={styles.heading}>
        {opportunity.name}
      </Title1>

      <RecordDetails
        items={[
          {
            term: t('account'),
            value:
              opportunity.account === null ? (
                t('none')
              ) : (
                <RouterLink to={`/accounts/${opportunity.account.id}`}>{opportunity.account.name}</RouterLink>
              ),
          },
          {
            term: t('contacts'),
            value:
              opportunity.contacts.length === 0 ? (
                t('none')
              ) : (
                <ul className={styles.contacts}>
                  {opportunity.contacts.map((contact) => (
                    <li key={contact.id}>
                      <RouterLink to={`/contacts/${contact.id}`}>
                        {contact.firstName} {contact.lastName}
                      </RouterLink>
                      {contact.emailAddress !== null && ` (${contact.emailAddress})`}
                    </li>
                  ))}
                </ul>
              ),
          },
          { term: t('owner'), value: opportunity.owner?.displayName ?? t('none') },
          {
            term: t('estimatedValue'),
            value:
              opportunity.estimatedValue === null ? t('notEstimated') : format.currency(opportunity.estimatedValue),
          },
          {
            term: t('created'),
            value: <time dateTime={opportunity.createdAt}>{format.dateTime(opportunity.createdAt)}</time>,
          },
        ]}
      />

      <EmailComposer regardingId={opportunity.id} defaultTo={contactAddresses} onSent={timeline.showSent} />

      <TaskComposer regardingId={opportunity.id} onCreated={timeline.showSent} />

      <AppointmentComposer
        regardingId={opportunity.id}
        defaultAttendees={contactAddresses}
        onCreated={timeline.showSent}
      />

      <Timeline timeline={timeline} />
    </section>
  );
}
