export { createGraphAdapter, type GraphAdapter, type GraphAdapterOptions } from './graph-adapter.ts';
export type { GraphProfile } from './graph-profile.ts';
export { GraphAdapterError, type GraphFailure, type GraphFailureKind } from './graph-errors.ts';
export type { DeltaOptions, DeltaPage } from './delta-pages.ts';
export type { MessageDeltaOptions } from './message-delta.ts';
export { MAILROOM_ID_PROPERTY, type OutgoingMessage, type SentMessage } from './mail-messages.ts';
export type { CalendarWindow } from './calendar-events.ts';
export { DEFAULT_CONTACT_FOLDER } from './outlook-contacts.ts';
export type { SubscriptionRequest } from './change-subscriptions.ts';
export {
  parseNotificationPayload,
  type ChangeNotification,
  type LifecycleNotification,
  type NotificationBatch,
} from './change-notifications.ts';
export type { ChannelTestResult, MailboxTestFailure, MailboxTestResult } from './mailbox-test.ts';
export type { DirectoryUser, ExchangeDetection } from './tenant-directory.ts';
export { BATCH_LIMIT, type BatchStep, type BatchStepResult } from './json-batch.ts';
export type { AdapterClock, SharedHolds } from './mailbox-limiter.ts';
export type { AdapterLogger, GraphRequestEvent } from './graph-transport.ts';
export { createExchangeGateways, type ExchangeGatewaysOptions } from './exchange-gateway.ts';
