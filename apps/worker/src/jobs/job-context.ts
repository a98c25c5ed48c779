import type { EventPublisher } from '@mailroom/domain';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

/** What every processor may use; processors get I/O only through this. */
export interface JobContext {
  dataSource: DataSource;
  events: EventPublisher;
  logger: Logger;
}
