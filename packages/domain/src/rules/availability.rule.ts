import type { AppInUse, SalesLicense } from '../enums.ts';

/** Why email configuration and mailbox features are not available to a user (PRODUCT.md §7). */
export type UnavailableReason = 'NO_SALES_LICENSE' | 'NO_SUITABLE_ROLE' | 'FEATURE_TURNED_OFF' | 'CUSTOM_APP';

export interface AvailabilityInput {
  salesLicense: SalesLicense;
  roles: readonly string[];
  emailIntegrationEnabled: boolean;
  appInUse: AppInUse;
}

export interface Availability {
  available: boolean;
  reasons: UnavailableReason[];
}

/** Roles that use the email features: administrators configure them, sales professionals have mailboxes. */
export const EMAIL_FEATURE_ROLES: readonly string[] = [
  'SYSTEM_ADMINISTRATOR',
  'SALES_PROFESSIONAL',
  'SALES_PROFESSIONAL_MANAGER',
];

export const UNAVAILABLE_REASON_TEXT: Record<UnavailableReason, string> = {
  NO_SALES_LICENSE:
    'You have no Sales Premium, Sales Enterprise or Sales Professional licence. Ask your administrator to assign one.',
  NO_SUITABLE_ROLE:
    'Your security roles do not include Sales Professional, Sales Professional Manager or System Administrator. Ask your administrator to add one.',
  FEATURE_TURNED_OFF: 'Your administrator has turned the email integration off for the organisation.',
  CUSTOM_APP:
    'Your organisation uses a custom app, which does not include these options. Ask your administrator to add them or to use the standard sales app.',
};

/** The seed's "Can't find the options in your app?": every cause that applies, in a stable order. */
export function decideAvailability(input: AvailabilityInput): Availability {
  const reasons: UnavailableReason[] = [];
  if (input.salesLicense === 'NONE') reasons.push('NO_SALES_LICENSE');
  if (!input.roles.some((role) => EMAIL_FEATURE_ROLES.includes(role))) reasons.push('NO_SUITABLE_ROLE');
  if (!input.emailIntegrationEnabled) reasons.push('FEATURE_TURNED_OFF');
  if (input.appInUse === 'CUSTOM') reasons.push('CUSTOM_APP');
  return { available: reasons.length === 0, reasons };
}
