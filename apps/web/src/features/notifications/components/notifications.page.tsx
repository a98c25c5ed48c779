import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  Title1,
  Toolbar,
  ToolbarButton,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { errorMessage } from '../../../shared/error-message';
import { useFormat } from '../../../shared/format';
import { useText } from '../../../shared/i18n';
import { RouterLink } from '../../../shared/router-link.component';
import { useToast } from '../../../shared/toast';
import { useNotificationHistory } from '../hooks/use-notification-history.hook';
import { useNotificationText } from '../hooks/use-notification-text.hook';
import { notificationLink } from '../notification-link';
import { notificationsText } from '../notifications.strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '960px' },
  intro: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
  },
  unread: {
    backgroundColor: tokens.colorBrandBackground2,
    borderLeftColor: tokens.colorBrandStroke1,
  },
  title: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  message: { overflowWrap: 'anywhere' },
  time: { color: tokens.colorNeutralForeground3 },
  empty: {
    padding: tokens.spacingVerticalXXL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  footer: { display: 'flex', justifyContent: 'center' },
});

/** Every notification of the signed-in user, newest first, unread ones marked, new ones live. */
export function NotificationsPage() {
  const styles = useStyles();
  const t = useText(notificationsText);
  const format = useFormat();
  const headingId = useId();
  const history = useNotificationHistory();
  const { items, totalCount, unreadCount } = history;
  const wording = useNotificationText();
  const notify = useToast();

  async function handleMarkAllRead() {
    if (await history.markAllRead()) notify({ title: t('allMarkedRead') });
  }

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.intro}>
        <Title1 as="h1" id={headingId} className={styles.heading}>
          {t('heading')}
        </Title1>
        <Body1>{t('intro')}</Body1>
      </div>

      {history.error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t('loadFailed')}</MessageBarTitle>
            {errorMessage(history.error)}
          </MessageBarBody>
        </MessageBar>
      )}
      {history.markError && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t('markFailed')}</MessageBarTitle>
            {errorMessage(history.markError)}
          </MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.bar}>
        <Text role="status">{totalCount !== null && t('total', { count: totalCount, unread: unreadCount })}</Text>
        <Toolbar aria-label={t('actions')}>
          <ToolbarButton
            icon={<CheckmarkRegular />}
            onClick={() => void handleMarkAllRead()}
            // Focus stays on it once everything is read, so the keyboard user's place is kept.
            disabledFocusable={unreadCount === 0 || history.markingRead}
          >
            {t('markAllRead')}
          </ToolbarButton>
        </Toolbar>
      </div>

      {history.loading && <Spinner label={t('loading')} />}

      {totalCount === 0 && items.length === 0 && <Body1 className={styles.empty}>{t('empty')}</Body1>}

      {items.length > 0 && (
        <ul className={styles.list} aria-labelledby={headingId}>
          {items.map((notification) => {
            const link = notificationLink(notification);
            const unread = notification.readAt === null;
            const { title, body } = wording(notification);
            return (
              <li key={notification.id} className={mergeClasses(styles.item, unread && styles.unread)}>
                <Subtitle2 as="h2" className={styles.title}>
                  {link === null ? title : <RouterLink to={link}>{title}</RouterLink>}
                  {unread && (
                    <Badge appearance="filled" color="brand" size="small">
                      {t('unreadBadge')}
                    </Badge>
                  )}
                </Subtitle2>
                <Body1 className={styles.message}>{body}</Body1>
                <Caption1 className={styles.time}>
                  <time dateTime={notification.createdAt}>{format.dateTime(notification.createdAt)}</time>
                </Caption1>
              </li>
            );
          })}
        </ul>
      )}

      {history.hasNextPage && (
        <div className={styles.footer}>
          <Button onClick={history.loadMore} disabled={history.loadingMore}>
            {history.loadingMore ? t('loadingMore') : t('loadMore')}
          </Button>
        </div>
      )}
    </section>
  );
}
