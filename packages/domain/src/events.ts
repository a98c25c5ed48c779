/**
 * Topics published on Redis for live updates. The API subscribes through graphql-yoga's Redis
 * event target (channel `${topic}:${key}`, JSON body); workers publish to the same channels.
 * Payloads carry ids only: subscribers reload the row, so nothing stale or foreign leaks.
 */
export const TOPICS = {
  /** key: job id */
  JOB_PROGRESS: 'JOB_PROGRESS',
  /** key: organisation id */
  MAILBOX_STATUS_CHANGED: 'MAILBOX_STATUS_CHANGED',
  /** key: user id */
  NOTIFICATION_RECEIVED: 'NOTIFICATION_RECEIVED',
  /** key: the id of a record (account, contact, lead, opportunity) whose timeline changed */
  TIMELINE_CHANGED: 'TIMELINE_CHANGED',
} as const;

export interface JobProgressEvent {
  jobId: string;
  organisationId: string;
}

export interface MailboxStatusChangedEvent {
  mailboxId: string;
  organisationId: string;
}

export interface NotificationReceivedEvent {
  notificationId: string;
  userId: string;
}

export interface TimelineChangedEvent {
  recordId: string;
  organisationId: string;
  activityId: string;
  change: 'CREATED' | 'UPDATED';
}

export interface EventMap {
  JOB_PROGRESS: JobProgressEvent;
  MAILBOX_STATUS_CHANGED: MailboxStatusChangedEvent;
  NOTIFICATION_RECEIVED: NotificationReceivedEvent;
  TIMELINE_CHANGED: TimelineChangedEvent;
}

/** Publishes domain events; implemented over Redis by the API and the worker. */
export interface EventPublisher {
  publish<T extends keyof EventMap>(topic: T, key: string, payload: EventMap[T]): Promise<void>;
}

export const channelOf = (topic: keyof EventMap, key: string): string => `${topic}:${key}`;
