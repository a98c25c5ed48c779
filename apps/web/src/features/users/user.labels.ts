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

// Role and licence names are in users.strings.ts under `role.*` and `licence.*`.

/** In the order the licence dropdown offers them. */
export const SALES_LICENSES: readonly SalesLicense[] = [
  'SALES_PREMIUM',
  'SALES_ENTERPRISE',
  'SALES_PROFESSIONAL',
  'NONE',
];

/** The roles that give a user a mailbox for server-side synchronisation. */
export const MAILBOX_ROLES: readonly SecurityRoleName[] = ['SALES_PROFESSIONAL', 'SALES_PROFESSIONAL_MANAGER'];

export function mailboxRolesOf(roles: readonly SecurityRoleName[]): SecurityRoleName[] {
  return roles.filter((role) => MAILBOX_ROLES.includes(role));
}

/** Configure email auto-approves a mailbox only when the two match, ignoring case. */
export function upnDiffers(user: Pick<UserRow, 'primaryEmail' | 'userPrincipalName'>): boolean {
  return user.primaryEmail.toLowerCase() !== user.userPrincipalName.toLowerCase();
}
