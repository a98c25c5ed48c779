import type { BadgeProps } from '@fluentui/react-components';
import type { AutoApprovalReason, JobKind, JobStatus } from '../../gql/graphql';
import type { TextKey } from '../../shared/i18n';
import type { JobReportItem } from './graphql/job.graphql';
import type { jobsText } from './jobs.strings';

export function isJobFinished(status: JobStatus): boolean {
  return status === 'COMPLETED' || status === 'FAILED';
}

/** A rule that kept a mailbox out of auto-approval, as its key in the jobs bundle. */
export function autoApprovalReasonKey(reason: AutoApprovalReason): TextKey<typeof jobsText.en> {
  return `reason.${reason}`;
}

type Outcome = { label: TextKey<typeof jobsText.en>; color: NonNullable<BadgeProps['color']> };

/**
 * What happened to one mailbox of a job, as a key of the jobs bundle. Configure email records the
 * mailboxes it left alone as SKIPPED: with the rules that kept one out, or with none when it was
 * already enabled.
 */
export function jobItemOutcome(kind: JobKind, item: Pick<JobReportItem, 'status' | 'reasons'>): Outcome {
  switch (item.status) {
    case 'SUCCEEDED':
      return {
        label: kind === 'TEST_AND_ENABLE' ? 'outcome.testedAndEnabled' : 'outcome.approvedTestedAndEnabled',
        color: 'success',
      };
    case 'FAILED':
      return { label: 'outcome.failed', color: 'danger' };
    case 'SKIPPED':
      return item.reasons.length > 0
        ? { label: 'outcome.notAutoApproved', color: 'warning' }
        : { label: 'outcome.alreadyEnabled', color: 'informative' };
    case 'PENDING':
      return { label: 'outcome.notFinished', color: 'subtle' };
  }
}
