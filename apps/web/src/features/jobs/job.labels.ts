import type { BadgeProps } from '@fluentui/react-components';
import type { AutoApprovalReason, JobKind, JobStatus } from '../../gql/graphql';
import type { JobReportItem } from './graphql/job.graphql';

export function isJobFinished(status: JobStatus): boolean {
  return status === 'COMPLETED' || status === 'FAILED';
}

export const AUTO_APPROVAL_REASON_LABELS: Record<AutoApprovalReason, string> = {
  PRIMARY_EMAIL_NOT_UPN: 'Primary email differs from the UPN',
  MISSING_SALES_PROFESSIONAL_ROLE: 'Holds neither Sales Professional nor Sales Professional Manager',
  NO_SALES_LICENSE: 'No sales licence',
  NO_EXCHANGE_LICENSE: 'No Exchange Online licence',
  USER_DISABLED: 'User is disabled',
};

type Outcome = { label: string; color: NonNullable<BadgeProps['color']> };

/**
 * What happened to one mailbox of a job, in words. Configure email records the mailboxes it left
 * alone as SKIPPED: with the rules that kept one out, or with none when it was already enabled.
 */
export function jobItemOutcome(kind: JobKind, item: Pick<JobReportItem, 'status' | 'reasons'>): Outcome {
  switch (item.status) {
    case 'SUCCEEDED':
      return {
        label: kind === 'TEST_AND_ENABLE' ? 'Tested and enabled' : 'Approved, tested and enabled',
        color: 'success',
      };
    case 'FAILED':
      return { label: 'Failed', color: 'danger' };
    case 'SKIPPED':
      return item.reasons.length > 0
        ? { label: 'Not auto-approved', color: 'warning' }
        : { label: 'Already enabled', color: 'informative' };
    case 'PENDING':
      return { label: 'Not finished', color: 'subtle' };
  }
}
