import { DirectoryImportRunner } from '@mailroom/domain';
import type { JobPayload } from '@mailroom/queues';
import type { JobContext } from './job-context.ts';

/** Imports the tenant's users (UPN, primary email, Exchange licence) into the organisation. */
export async function directoryImportJob(payload: JobPayload<'directory-import'>, context: JobContext): Promise<void> {
  const counts = await new DirectoryImportRunner(
    context.dataSource,
    context.cipher,
    context.exchange,
    context.events,
  ).run(payload.jobId);
  context.logger.info({ jobId: payload.jobId, ...counts }, 'directory imported');
}
