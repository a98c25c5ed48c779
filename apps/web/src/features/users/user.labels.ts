import type { SalesLicense, SecurityRoleName } from '../../gql/graphql';
import type { UserRow } from './graphql/users.graphql';

/** The five standard roles, in the order the edit dialog offers them. */
export const STANDARD_ROLES: readonly SecurityRoleName[] = [
  'SYSTEM_ADMINISTRATOR',
  'SALES_MANAGER',
  'SALESPERSON',
  'SALES_PROFESSIONAL_MANAGER',
  'SALES_PROFESSIONAL',
];

export const ROLE_LABELS: Record<SecurityRoleName, string> = {
  SYSTEM_ADMINISTRATOR: 'System Administrator',
  SALES_MANAGER: 'Sales Manager',
  SALESPERSON: 'Salesperson',
  SALES_PROFESSIONAL_MANAGER: 'Sales Professional Manager',
  SALES_PROFESSIONAL: 'Sales Professional',
};

/** In the order the licence dropdown offers them. */
export const SALES_LICENSES: readonly SalesLicense[] = [
  'SALES_PREMIUM',
  'SALES_ENTERPRISE',
  'SALES_PROFESSIONAL',
  'NONE',
];

export const SALES_LICENSE_LABELS: Record<SalesLicense, string> = {
  SALES_PREMIUM: 'Sales Premium',
  SALES_ENTERPRISE: 'Sales Enterprise',
  SALES_PROFESSIONAL: 'Sales Professional',
  NONE: 'None',
};

/** The roles that give a user a mailbox for server-side synchronisation. */
export const MAILBOX_ROLES: readonly SecurityRoleName[] = ['SALES_PROFESSIONAL', 'SALES_PROFESSIONAL_MANAGER'];

export function mailboxRolesOf(roles: readonly SecurityRoleName[]): SecurityRoleName[] {
  return roles.filter((role) => MAILBOX_ROLES.includes(role));
}

/** Configure email auto-approves a mailbox only when the two match, ignoring case. */
export function upnDiffers(user: Pick<UserRow, 'primaryEmail' | 'userPrincipalName'>): boolean {
  return user.primaryEmail.toLowerCase() !== user.userPrincipalName.toLowerCase();
}
