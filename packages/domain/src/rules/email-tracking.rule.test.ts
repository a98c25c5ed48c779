import { describe, expect, it } from 'vitest';
import {
  decideRegarding,
  filterAdmits,
  findTrackingToken,
  formatTrackingToken,
  looksLikeReply,
  trackingSource,
  withTrackingToken,
} from './email-tracking.rule.ts';

const opportunity = { type: 'OPPORTUNITY' as const, id: 'o' };
const contact = { type: 'CONTACT' as const, id: 'c' };
const account = { type: 'ACCOUNT' as const, id: 'a' };

describe('tracking token', () => {
  it('is the prefix, a colon and seven digits, appended once to the subject', () => {
    const token = formatTrackingToken('CRM', 1234);
    expect(token).toBe('CRM:0001234');
    expect(withTrackingToken('Proposal', token)).toBe('Proposal CRM:0001234');
    expect(withTrackingToken('Proposal CRM:0001234', token)).toBe('Proposal CRM:0001234');
  });

  it('is found in a reply subject and not inside another word', () => {
    expect(findTrackingToken('RE: Proposal CRM:0001234', 'CRM')).toBe('CRM:0001234');
    expect(findTrackingToken('re: proposal [crm:0001234]', 'CRM')).toBe('CRM:0001234');
    expect(findTrackingToken('Proposal XCRM:0001234', 'CRM')).toBeNull();
    expect(findTrackingToken('Proposal CRM:12', 'CRM')).toBeNull();
    expect(findTrackingToken('Deal TKN+:0000042', 'TKN+')).toBe('TKN+:0000042');
  });
});

describe('incoming filter', () => {
  const none = { respondsToCrmEmail: false, counterpartTypes: [null] };
  it('all email admits everything, none admits nothing', () => {
    expect(filterAdmits('ALL_EMAIL', none)).toBe(true);
    expect(filterAdmits('NONE', { respondsToCrmEmail: true, counterpartTypes: ['CONTACT'] })).toBe(false);
  });
  it('responses to CRM email admit only responses', () => {
    expect(filterAdmits('RESPONSES_TO_CRM_EMAIL', none)).toBe(false);
    expect(filterAdmits('RESPONSES_TO_CRM_EMAIL', { respondsToCrmEmail: false, counterpartTypes: ['CONTACT'] })).toBe(
      false,
    );
    expect(filterAdmits('RESPONSES_TO_CRM_EMAIL', { ...none, respondsToCrmEmail: true })).toBe(true);
  });
  it('email from leads, contacts and accounts excludes users and unknown senders', () => {
    for (const type of ['LEAD', 'CONTACT', 'ACCOUNT'] as const) {
      expect(
        filterAdmits('FROM_CRM_LEADS_CONTACTS_ACCOUNTS', { respondsToCrmEmail: false, counterpartTypes: [type] }),
      ).toBe(true);
    }
    expect(
      filterAdmits('FROM_CRM_LEADS_CONTACTS_ACCOUNTS', { respondsToCrmEmail: false, counterpartTypes: ['USER'] }),
    ).toBe(false);
    expect(filterAdmits('FROM_CRM_LEADS_CONTACTS_ACCOUNTS', none)).toBe(false);
  });
  it('email from email-enabled records includes users', () => {
    expect(filterAdmits('FROM_EMAIL_ENABLED_RECORDS', { respondsToCrmEmail: false, counterpartTypes: ['USER'] })).toBe(
      true,
    );
    expect(filterAdmits('FROM_EMAIL_ENABLED_RECORDS', none)).toBe(false);
  });
});

describe('regarding', () => {
  it("follows the user's choice, then In-Reply-To, the token, the conversation", () => {
    expect(decideRegarding({ userChoice: account, inReplyTo: opportunity, trackingToken: contact })).toBe(account);
    expect(decideRegarding({ inReplyTo: opportunity, trackingToken: contact, conversation: account })).toBe(
      opportunity,
    );
    expect(decideRegarding({ trackingToken: contact, conversation: account })).toBe(contact);
    expect(decideRegarding({ conversation: account })).toBe(account);
    expect(decideRegarding({})).toBeNull();
  });
  it('tracks by folder before category before filter', () => {
    expect(trackingSource({ inTrackedFolder: true, hasTrackedCategory: true, filterAdmits: false })).toBe('FOLDER');
    expect(trackingSource({ inTrackedFolder: false, hasTrackedCategory: true, filterAdmits: false })).toBe('CATEGORY');
    expect(trackingSource({ inTrackedFolder: false, hasTrackedCategory: false, filterAdmits: true })).toBe('FILTER');
    expect(trackingSource({ inTrackedFolder: false, hasTrackedCategory: false, filterAdmits: false })).toBeNull();
  });
  it('recognises reply subjects', () => {
    expect(looksLikeReply('RE: Proposal')).toBe(true);
    expect(looksLikeReply('AW: Angebot')).toBe(true);
    expect(looksLikeReply('Regarding the proposal')).toBe(false);
  });
});
