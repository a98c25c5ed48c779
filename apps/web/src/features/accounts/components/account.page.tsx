import { Title1, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useParams } from 'react-router';
import { useFormat } from '../../../shared/format';
import { useText } from '../../../shared/i18n';
import { RecordDetails } from '../../../shared/record-details.component';
import { RecordLoadState } from '../../../shared/record-load-state.component';
import { AppointmentComposer } from '../../timeline/components/appointment-composer.component';
import { TaskComposer } from '../../timeline/components/task-composer.component';
import { Timeline } from '../../timeline/components/timeline.component';
import { useTimeline } from '../../timeline/hooks/use-timeline.hook';
import type { AccountRecord } from '../graphql/accounts.graphql';
import { accountsText } from '../accounts.strings';
import { useAccount } from '../hooks/use-account.hook';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, maxWidth: '960px' },
  heading: { margin: 0, overflowWrap: 'anywhere' },
});

export function AccountPage() {
  const { id = '' } = useParams();
  return <AccountView key={id} id={id} />;
}

function AccountView({ id }: { id: string }) {
  const t = useText(accountsText);
  const { record, loading, error } = useAccount(id);
  if (!record) return <RecordLoadState kind={t('kind')} loading={loading} error={error} />;
  return <AccountRecordView account={record} />;
}

function AccountRecordView({ account }: { account: AccountRecord }) {
  const styles = useStyles();
  const headingId = useId();
  const t = useText(accountsText);
  const format = useFormat();
  // An account's timeline also holds its contacts' and opportunities' email.
  const timeline = useTimeline(account.id);
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Title1 as="h1" id={headingId} className={styles.heading}>
        {account.name}
      </Title1>
      <RecordDetails
        items={[
          { term: t('email'), value: account.emailAddress ?? t('none') },
          {
            term: t('created'),
            value: <time dateTime={account.createdAt}>{format.dateTime(account.createdAt)}</time>,
          },
        ]}
      />
      <TaskComposer regardingId={account.id} onCreated={timeline.showSent} />

      <AppointmentComposer regardingId={account.id} onCreated={timeline.showSent} />

      <Timeline timeline={timeline} />
    </section>
  );
}
