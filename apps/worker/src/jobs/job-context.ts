import type {
  CalendarRange,
  EventPublisher,
  ExchangeGatewayFactory,
  NotificationEndpoints,
  SecretCipher,
  SendThrottle,
} from '@mailroom/domain';
import type { JobQueues, RedisSyncHealthCounters, RedisSyncSignals } from '@mailroom/queues';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

/** What every processor may use; processors get I/O only through this. */
export interface JobContext {
  dataSource: DataSource;
  events: EventPublisher;
  logger: Logger;
  /** To fan work out into more jobs. */
  queues: JobQueues;
  /** Exchange Online through Microsoft Graph. */
  exchange: ExchangeGatewayFactory;
  cipher: SecretCipher;
  /** Wake-ups of mailbox syncs. */
  signals: RedisSyncSignals;
  /** Exchange's sending limit per mailbox. */
  sendThrottle: SendThrottle;
  /** Failed syncs per organisation and minute, for the sync-health dashboard (kept in memory, written in batches). */
  health: Pick<RedisSyncHealthCounters, 'count'>;
  send: {
    /** How long a send that left no trace waits for its Sent Items copy before sending again. */
    sentItemsGraceMs: number;
    /** How long an email may stay Pending send or Sending before the sweep queues it again. */
    stalledMs: number;
  };
  sync: {
    pageSize: number;
    /** How long a sync may go without committing a page before it is taken as crashed. */
    leaseMs: number;
    /** How often the sweep runs. */
    sweepMs: number;
    /** The calendar range appointments sync over. */
    calendar: CalendarRange;
    /** Where Exchange posts change notifications; null for polling only. */
    notifications: NotificationEndpoints | null;
  };
}

/** Facts about this run of a job. */
export interface JobRun {
  workerId: string;
  /** 1 for the first try. */
  attempt: number;
  /** No retry follows if this attempt fails. */
  finalAttempt: boolean;
}
