import {
  Body1,
  Button,
  Caption1,
  CounterBadge,
  MessageBar,
  MessageBarBody,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { AlertRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { errorMessage } from '../../../shared/error-message';
import { useFormat } from '../../../shared/format';
import { useText } from '../../../shared/i18n';
import { RouterLink } from '../../../shared/router-link.component';
import { useToast } from '../../../shared/toast';
import { useNotificationText } from '../hooks/use-notification-text.hook';
import { useNotifications } from '../hooks/use-notifications.hook';
import { notificationLink } from '../notification-link';
import { notificationsText } from '../notifications.strings';

const useStyles = makeStyles({
  surface: {
    width: '360px',
    maxWidth: 'calc(100vw - 32px)',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  heading: { margin: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    maxHeight: '420px',
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  unread: {
    backgroundColor: tokens.colorBrandBackground2,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
  },
  time: { color: tokens.colorNeutralForeground3 },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

/** The header's bell: the unread count, live, and a list of the user's notifications. */
export function NotificationBell() {
  const styles = useStyles();
  const t = useText(notificationsText);
  const format = useFormat();
  const headingId = useId();
  const countId = useId();
  const bellId = useId();
  const [open, setOpen] = useState(false);
  const { items, unreadCount, error, markingRead, markAllRead } = useNotifications();
  const wording = useNotificationText();
  const notify = useToast();

  async function handleMarkAllRead() {
    if (await markAllRead()) notify({ title: t('allMarkedRead') });
  }

  return (
    <>
      <Popover open={open} onOpenChange={(_, data) => setOpen(data.open)} positioning="below-end" trapFocus>
        <PopoverTrigger disableButtonEnhancement>
          <Button
            id={bellId}
            appearance="primary"
            icon={<AlertRegular />}
            aria-label={t('heading')}
            // With a count showing, the name says it ("Notifications 1 unread"): a control's name must
            // contain its visible text (WCAG 2.5.3). The self-reference reads the aria-label.
            aria-labelledby={unreadCount > 0 ? `${bellId} ${countId}` : undefined}
            aria-describedby={unreadCount > 0 ? undefined : countId}
          >
            {unreadCount > 0 && <CounterBadge count={unreadCount} color="danger" size="small" />}
          </Button>
        </PopoverTrigger>
        <PopoverSurface className={styles.surface} aria-labelledby={headingId}>
          <div className={styles.header}>
            <Subtitle2 as="h2" id={headingId} className={styles.heading}>
              {t('heading')}
            </Subtitle2>
            <Button
              size="small"
              onClick={() => void handleMarkAllRead()}
              // Focus stays on it once everything is read, so Escape still closes the popover.
              disabledFocusable={unreadCount === 0 || markingRead}
            >
              {t('markAllRead')}
            </Button>
          </div>
          {error && (
            <MessageBar intent="error">
              <MessageBarBody>{errorMessage(error)}</MessageBarBody>
            </MessageBar>
          )}
          {items.length === 0 ? (
            <Body1>{t('empty')}</Body1>
          ) : (
            <ul className={styles.list}>
              {items.map((notification) => {
                const link = notificationLink(notification);
                const unread = notification.readAt === null;
                const { title, body } = wording(notification);
                return (
                  <li key={notification.id} className={mergeClasses(styles.item, unread && styles.unread)}>
                    <Text weight="semibold">
                      {link === null ? (
                        title
                      ) : (
                        <RouterLink to={link} onClick={() => setOpen(false)}>
                          {title}
                        </RouterLink>
                      )}
                      {unread && <span className={styles.hidden}>{t('unreadMarker')}</span>}
                    </Text>
                    <Body1>{body}</Body1>
                    <Caption1 className={styles.time}>
                      <time dateTime={notification.createdAt}>{format.dateTime(notification.createdAt)}</time>
                    </Caption1>
                  </li>
                );
              })}
            </ul>
          )}
          <RouterLink to="/notifications" onClick={() => setOpen(false)}>
            {t('seeAll')}
          </RouterLink>
        </PopoverSurface>
      </Popover>
      <span id={countId} className={styles.hidden}>
        {unreadCount === 0 ? t('noneUnread') : t('unread', { count: unreadCount })}
      </span>
    </>
  );
}
