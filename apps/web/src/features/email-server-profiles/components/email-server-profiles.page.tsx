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
import { useText } from '../../../shared/i18n';
import { emailServerProfilesText } from '../email-server-profiles.strings';
import { EmailServerProfilesQuery } from '../graphql/email-server-profiles.graphql';
import { EmailServerProfileForm } from './email-server-profile-form.component';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  intro: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '880px' },
  heading: { margin: 0 },
});

export function EmailServerProfilesPage() {
  const styles = useStyles();
  const t = useText(emailServerProfilesText);
  const headingId = useId();
  // Configure email rewrites the default profile in the background: always ask for the current state.
  const [{ data, error, fetching }] = useQuery({ query: EmailServerProfilesQuery, requestPolicy: 'cache-and-network' });
  const profiles = data?.emailServerProfiles;

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.intro}>
        <Title1 as="h1" id={headingId} className={styles.heading}>
          {t('heading')}
        </Title1>
        <Body1>{t('intro')}</Body1>
      </div>

      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t('loadFailed')}</MessageBarTitle>
            {errorMessage(error)}
          </MessageBarBody>
        </MessageBar>
      )}
      {profiles === undefined && fetching && <Spinner label={t('loading')} />}
      {profiles?.length === 0 && <Body1>{t('empty')}</Body1>}
      {profiles?.map((profile) => (
        <EmailServerProfileForm key={profile.id} profile={profile} />
      ))}
    </section>
  );
}
