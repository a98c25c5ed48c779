import {
  Body1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Title1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import { useQuery } from 'urql';
import { errorMessage } from '../../../shared/error-message';
import { EmailServerProfilesQuery } from '../graphql/email-server-profiles.graphql';
import { EmailServerProfileForm } from './email-server-profile-form.component';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  intro: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '880px' },
  heading: { margin: 0 },
});

export function EmailServerProfilesPage() {
  const styles = useStyles();
  const headingId = useId();
  // Configure email rewrites the default profile in the background: always ask for the current state.
  const [{ data, error, fetching }] = useQuery({ query: EmailServerProfilesQuery, requestPolicy: 'cache-and-network' });
  const profiles = data?.emailServerProfiles;

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.intro}>
        <Title1 as="h1" id={headingId} className={styles.heading}>
          Email server profiles
        </Title1>
        <Body1>
          An email server profile holds the settings server-side synchronisation uses to reach Exchange Online for the
          mailboxes attached to it. Configure email sets the default profile up with the tenant’s credentials; change
          its endpoints for a sovereign cloud, replace its client secret, or tune how mailboxes are processed here.
        </Body1>
      </div>

      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Could not load the email server profiles</MessageBarTitle>
            {errorMessage(error)}
          </MessageBarBody>
        </MessageBar>
      )}
      {profiles === undefined && fetching && <Spinner label="Loading the email server profiles" />}
      {profiles?.length === 0 && <Body1>No email server profiles yet. Configure email creates the default one.</Body1>}
      {profiles?.map((profile) => (
        <EmailServerProfileForm key={profile.id} profile={profile} />
      ))}
    </section>
  );
}
