import { Initial1795782741444 } from './1795782741444-initial.migration.ts';
import { ConfigureEmail1795784765964 } from './1795784765964-configure-email.migration.ts';
import { UserManager1795789019555 } from './1795789019555-user-manager.migration.ts';
import { CrmRecords1795789826914 } from './1795789826914-crm-records.migration.ts';
import { EmailSync1795791344745 } from './1795791344745-email-sync.migration.ts';
import { PartialEmailIndexes1795796838699 } from './1795796838699-partial-email-indexes.migration.ts';
import { PartiesOnEmail1795800018134 } from './1795800018134-parties-on-email.migration.ts';
import { TaskSync1795800623610 } from './1795800623610-task-sync.migration.ts';
import { AppointmentSync1795801487980 } from './1795801487980-appointment-sync.migration.ts';
import { ContactSync1795801893957 } from './1795801893957-contact-sync.migration.ts';
import { ContactOwnerIndex1795803005149 } from './1795803005149-contact-owner-index.migration.ts';
import { LinkLastError1795803180613 } from './1795803180613-link-last-error.migration.ts';
import { ApiKeys1795803340461 } from './1795803340461-api-keys.migration.ts';
import { ReadPathIndexes1795812753921 } from './1795812753921-read-path-indexes.migration.ts';
import { TimelineThreadIndexes1795817568945 } from './1795817568945-timeline-thread-indexes.migration.ts';
import { SyncHealthIndex1796664405392 } from './1796664405392-sync-health-index.migration.ts';
import { MailboxSyncHistory1796667666849 } from './1796667666849-mailbox-sync-history.migration.ts';
import { MailboxAlertParams1796673889203 } from './1796673889203-mailbox-alert-params.migration.ts';
import { JobErrorCode1796673922112 } from './1796673922112-job-error-code.migration.ts';
import { FailureCodes1796676478224 } from './1796676478224-failure-codes.migration.ts';

/** Every migration, oldest first. `npm run migration:generate -- Name` writes new ones. */
export const MIGRATIONS = [
  Initial1795782741444,
  ConfigureEmail1795784765964,
  UserManager1795789019555,
  CrmRecords1795789826914,
  EmailSync1795791344745,
  PartialEmailIndexes1795796838699,
  PartiesOnEmail1795800018134,
  TaskSync1795800623610,
  AppointmentSync1795801487980,
  ContactSync1795801893957,
  ContactOwnerIndex1795803005149,
  LinkLastError1795803180613,
  ApiKeys1795803340461,
  ReadPathIndexes1795812753921,
  TimelineThreadIndexes1795817568945,
  SyncHealthIndex1796664405392,
  MailboxSyncHistory1796667666849,
  MailboxAlertParams1796673889203,
  JobErrorCode1796673922112,
  FailureCodes1796676478224,
];
