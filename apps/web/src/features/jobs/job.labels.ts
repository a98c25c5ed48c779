import type { BadgeProps } from '@fluentui/react-components';
import type { AutoApprovalReason, JobKind, JobStatus } from '../../gql/graphql';
import type { TextKey, Translate } from '../../shared/i18n';
import type { JobReportItem, JobSummary } from './graphql/job.graphql';
import type { jobsText } from './jobs.strings';

type JobsText = Translate<typeof jobsText.en>;

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

// The API's codes (JOB_ITEM_OUTCOMES, JOB_ERROR_CODES) the jobs bundle words. NOT_ELIGIBLE is said by
// the item's reasons.
const ITEM_OUTCOMES = ['ALREADY_ENABLED', 'MAILBOX_DELETED', 'GAVE_UP'] as const;
const JOB_ERRORS = ['GAVE_UP'] as const;

/**
 * Why a mailbox ended as it did, beyond its outcome badge: the rules that kept it out of
 * auto-approval (listed by the report), else its outcome worded from its code, else the API's text.
 * Null when there is nothing more to say.
 */
export function jobItemDetail(item: Pick<JobReportItem, 'status' | 'reasons' | 'outcome' | 'message'>, t: JobsText) {
  if (item.reasons.length > 0) return null;
  const outcome = ITEM_OUTCOMES.find((known) => known === item.outcome);
  if (outcome !== undefined) return t(`itemOutcome.${outcome}`);
  if (item.message !== null) return item.message;
  return item.status === 'FAILED' ? t('report.testFailed') : null;
}

/** Why a job failed, worded from its code when the console knows it, else the API's text (or null). */
export function jobErrorText(job: Pick<JobSummary, 'error' | 'errorCode'>, t: JobsText): string | null {
  const code = JOB_ERRORS.find((known) => known === job.errorCode);
  return code === undefined ? job.error : t(`error.${code}`);
}
