import {
  Body1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Title1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import { useQuery } from 'urql';
import { errorMessage } from '../../../shared/error-message';
import { useText } from '../../../shared/i18n';
import { RouterLink } from '../../../shared/router-link.component';
import { emailServerProfilesText } from '../email-server-profiles.strings';
import { EmailServerProfilesQuery } from '../graphql/email-server-profiles.graphql';
import { EmailServerProfileForm } from './email-server-profile-form.component';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  intro: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '880px' },
  heading: { margin: 0 },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'start',
    gap: tokens.spacingVerticalM,
    maxWidth: '880px',
    padding: tokens.spacingVerticalXXL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
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
      {profiles?.length === 0 && (
        <div className={styles.empty}>
          <Subtitle2 as="h2" className={styles.heading}>
            {t('empty')}
          </Subtitle2>
          <Body1>{t('emptyBody')}</Body1>
          <RouterLink to="/settings/email">{t('goToConfigureEmail')}</RouterLink>
        </div>
      )}
      {profiles?.map((profile) => (
        <EmailServerProfileForm key={profile.id} profile={profile} />
      ))}
    </section>
  );
}
