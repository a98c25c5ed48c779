import { describe, expect, it } from 'vitest';
import { decideAutoApproval, type AutoApprovalCandidate } from './auto-approval.rule.ts';

const eligibleUser = (overrides: Partial<AutoApprovalCandidate> = {}): AutoApprovalCandidate => ({
  primaryEmail: 'ann@contoso.example',
  userPrincipalName: 'ann@contoso.example',
  roles: ['SALES_PROFESSIONAL'],
  salesLicense: 'SALES_PROFESSIONAL',
  exchangeLicenseValid: true,
  disabled: false,
  ...overrides,
});

describe('auto-approval rule', () => {
  it('approves a Sales Professional whose primary email is their UPN and who has Exchange', () => {
    expect(decideAutoApproval(eligibleUser())).toEqual({ eligible: true });
  });

  it('approves a Sales Professional Manager', () => {
    expect(decideAutoApproval(eligibleUser({ roles: ['SALES_PROFESSIONAL_MANAGER'] }))).toEqual({
      eligible: true,
    });
  });

  it('compares primary email and UPN case-insensitively and ignoring surrounding spaces', () => {
    const user = eligibleUser({ primaryEmail: ' Ann@Contoso.Example', userPrincipalName: 'ANN@contoso.example' });
    expect(decideAutoApproval(user)).toEqual({ eligible: true });
  });

  it('keeps out a user whose UPN differs from the primary email', () => {
    const user = eligibleUser({ userPrincipalName: 'ann@contoso.onmicrosoft.com' });
    expect(decideAutoApproval(user)).toEqual({ eligible: false, reasons: ['PRIMARY_EMAIL_NOT_UPN'] });
  });

  it('keeps out a user with an empty primary email even when the UPN is empty too', () => {
    const user = eligibleUser({ primaryEmail: '', userPrincipalName: '' });
    expect(decideAutoApproval(user)).toEqual({ eligible: false, reasons: ['PRIMARY_EMAIL_NOT_UPN'] });
  });

  it.each(['SYSTEM_ADMINISTRATOR', 'SALES_MANAGER', 'SALESPERSON'])('keeps out a user who only holds %s', (role) => {
    expect(decideAutoApproval(eligibleUser({ roles: [role] }))).toEqual({
      eligible: false,
      reasons: ['MISSING_SALES_PROFESSIONAL_ROLE'],
    });
  });

  it('accepts the role alongside others', () => {
    const user = eligibleUser({ roles: ['SYSTEM_ADMINISTRATOR', 'SALES_PROFESSIONAL'] });
    expect(decideAutoApproval(user)).toEqual({ eligible: true });
  });

  it('keeps out a user with no roles', () => {
    expect(decideAutoApproval(eligibleUser({ roles: [] }))).toEqual({
      eligible: false,
      reasons: ['MISSING_SALES_PROFESSIONAL_ROLE'],
    });
  });

  it('keeps out a user without an Exchange licence', () => {
    expect(decideAutoApproval(eligibleUser({ exchangeLicenseValid: false }))).toEqual({
      eligible: false,
      reasons: ['NO_EXCHANGE_LICENSE'],
    });
  });

  it('keeps out a user without a sales licence', () => {
    expect(decideAutoApproval(eligibleUser({ salesLicense: 'NONE' }))).toEqual({
      eligible: false,
      reasons: ['NO_SALES_LICENSE'],
    });
  });

  it.each(['SALES_PREMIUM', 'SALES_ENTERPRISE', 'SALES_PROFESSIONAL'] as const)(
    'accepts the %s licence',
    (salesLicense) => {
      expect(decideAutoApproval(eligibleUser({ salesLicense }))).toEqual({ eligible: true });
    },
  );

  it('keeps out a disabled user', () => {
    expect(decideAutoApproval(eligibleUser({ disabled: true }))).toEqual({
      eligible: false,
      reasons: ['USER_DISABLED'],
    });
  });

  it('reports every failing condition, in a stable order', () => {
    const user = eligibleUser({
      disabled: true,
      userPrincipalName: 'other@contoso.example',
      roles: ['SALESPERSON'],
      salesLicense: 'NONE',
      exchangeLicenseValid: false,
    });
    expect(decideAutoApproval(user)).toEqual({
      eligible: false,
      reasons: [
        'USER_DISABLED',
        'PRIMARY_EMAIL_NOT_UPN',
        'MISSING_SALES_PROFESSIONAL_ROLE',
        'NO_SALES_LICENSE',
        'NO_EXCHANGE_LICENSE',
      ],
    });
  });
});
