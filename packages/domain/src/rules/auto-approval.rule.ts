import type { SalesLicense, SecurityRoleName } from '../enums.ts';

/** What the rule needs to know about a user; plain data, no entity. */
export interface AutoApprovalCandidate {
  primaryEmail: string;
  userPrincipalName: string;
  roles: readonly string[];
  salesLicense: SalesLicense;
  exchangeLicenseValid: boolean;
  disabled: boolean;
}

/** Why a mailbox was kept out of automatic approval, testing and enabling. */
export type AutoApprovalReason =
  | 'USER_DISABLED'
  | 'PRIMARY_EMAIL_NOT_UPN'
  | 'MISSING_SALES_PROFESSIONAL_ROLE'
  | 'NO_SALES_LICENSE'
  | 'NO_EXCHANGE_LICENSE';

export type AutoApprovalDecision = { eligible: true } | { eligible: false; reasons: AutoApprovalReason[] };

/** The roles whose holders get a mailbox and may be auto-approved (seed §5, §7). */
export const MAILBOX_ROLES: readonly SecurityRoleName[] = ['SALES_PROFESSIONAL', 'SALES_PROFESSIONAL_MANAGER'];

export const AUTO_APPROVAL_REASON_TEXT: Record<AutoApprovalReason, string> = {
  USER_DISABLED: 'The user is disabled.',
  PRIMARY_EMAIL_NOT_UPN:
    "The user's primary email differs from their user principal name (UPN); make them equal in the directory, or approve and test the mailbox by hand.",
  MISSING_SALES_PROFESSIONAL_ROLE:
    'The user holds neither the Sales Professional nor the Sales Professional Manager role.',
  NO_SALES_LICENSE: 'The user has no sales licence.',
  NO_EXCHANGE_LICENSE:
    'The user has no valid Exchange Online licence in the tenant; assign one in the Microsoft 365 admin center.',
};

function normaliseAddress(address: string): string {
  return address.trim().toLowerCase();
}

/**
 * Configure email approves, tests and enables a mailbox automatically only when every condition
 * holds: primary email equals UPN (case-insensitively), the user holds Sales Professional or
 * Sales Professional Manager, has a sales licence and a valid Exchange licence, and is not
 * disabled. Otherwise every failing condition is reported, in a stable order.
 */
export function decideAutoApproval(user: AutoApprovalCandidate): AutoApprovalDecision {
  const reasons: AutoApprovalReason[] = [];
  if (user.disabled) reasons.push('USER_DISABLED');
  const email = normaliseAddress(user.primaryEmail);
  if (email === '' || email !== normaliseAddress(user.userPrincipalName)) {
    reasons.push('PRIMARY_EMAIL_NOT_UPN');
  }
  if (!user.roles.some((role) => (MAILBOX_ROLES as readonly string[]).includes(role))) {
    reasons.push('MISSING_SALES_PROFESSIONAL_ROLE');
  }
  if (user.salesLicense === 'NONE') reasons.push('NO_SALES_LICENSE');
  if (!user.exchangeLicenseValid) reasons.push('NO_EXCHANGE_LICENSE');
  return reasons.length === 0 ? { eligible: true } : { eligible: false, reasons };
}
