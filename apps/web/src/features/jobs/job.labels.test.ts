import { describe, expect, it } from 'vitest';
import { i18n, type Translate } from '../../shared/i18n.ts';
import { jobErrorText, jobItemDetail } from './job.labels.ts';
import { jobsText } from './jobs.strings.ts';

const italian = i18n.getFixedT('it', jobsText.namespace) as unknown as Translate<typeof jobsText.en>;
const item = { status: 'SKIPPED' as const, reasons: [], outcome: null, message: null };

describe('a job report’s detail, in the reader’s language', () => {
  it('leaves the rules that kept a mailbox out to the reasons list, without the API’s English sentence', () => {
    const skipped = {
      ...item,
      reasons: ['NO_EXCHANGE_LICENSE' as const],
      outcome: 'NOT_ELIGIBLE',
      message: 'The user has no valid Exchange Online licence in the tenant.',
    };
    expect(jobItemDetail(skipped, italian)).toBeNull();
  });

  it('words a known outcome, and shows the API’s text for one it does not know', () => {
    const enabled = { ...item, outcome: 'ALREADY_ENABLED', message: 'Already approved, tested and enabled.' };
    expect(jobItemDetail(enabled, italian)).toBe(jobsText.it['itemOutcome.ALREADY_ENABLED']);
    const gone = {
      ...item,
      status: 'FAILED' as const,
      outcome: 'MAILBOX_DELETED',
      message: 'The mailbox was deleted.',
    };
    expect(jobItemDetail(gone, italian)).toBe(jobsText.it['itemOutcome.MAILBOX_DELETED']);
    const unknown = { ...item, outcome: 'SOMETHING_NEW', message: 'Something new happened.' };
    expect(jobItemDetail(unknown, italian)).toBe('Something new happened.');
    // Written before items had outcomes: the API's text.
    expect(jobItemDetail({ ...item, message: 'The mailbox was deleted.' }, italian)).toBe('The mailbox was deleted.');
  });

  it('points a failed test to the mailbox’s alerts', () => {
    expect(jobItemDetail({ ...item, status: 'FAILED' }, italian)).toBe(jobsText.it['report.testFailed']);
    expect(jobItemDetail({ ...item, status: 'SUCCEEDED' }, italian)).toBeNull();
  });

  it('words why a job failed from its code, else shows the API’s text', () => {
    const english = 'Mailroom could not finish this after several attempts (see the worker log); run it again.';
    expect(jobErrorText({ error: english, errorCode: 'GAVE_UP' }, italian)).toBe(jobsText.it['error.GAVE_UP']);
    expect(jobErrorText({ error: 'Something else.', errorCode: null }, italian)).toBe('Something else.');
    expect(jobErrorText({ error: null, errorCode: null }, italian)).toBeNull();
  });
});
