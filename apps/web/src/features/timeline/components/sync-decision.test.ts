import { describe, expect, it } from 'vitest';
import { i18n } from '../../../shared/i18n';
import { timelineText, type TimelineTranslate } from '../timeline.strings';
import { syncDecisionText } from './sync-decision';

const textIn = (language: 'en' | 'it') =>
  i18n.getFixedT(language, timelineText.namespace) as unknown as TimelineTranslate;

describe('syncDecisionText', () => {
  const decision = {
    fields: [
      { field: 'subject', kept: 'EXCHANGE' as const },
      { field: 'dueAt', kept: 'CRM' as const },
      { field: 'categories', kept: 'EXCHANGE' as const },
    ],
  };

  it('says which side’s change was kept for each field', () => {
    expect(syncDecisionText(decision, textIn('en'))).toBe(
      "Changed in Mailroom and in Outlook at the same time: kept Outlook's subject, Mailroom's due date, Outlook's categories (the later change).",
    );
    expect(syncDecisionText(decision, textIn('it'))).toBe(
      'Modificato contemporaneamente in Mailroom e in Outlook: è stata mantenuta la modifica più recente per oggetto (Outlook), data di scadenza (Mailroom), categories (Outlook).',
    );
  });

  it('says nothing when nothing conflicted', () => {
    expect(syncDecisionText(null, textIn('en'))).toBeNull();
    expect(syncDecisionText({ fields: [] }, textIn('it'))).toBeNull();
  });
});
