import type { SecurityRoleName } from './enums.ts';

/** Who is calling: resolved from a bearer token; every use case takes one. */
export interface Principal {
  userId: string;
  organisationId: string;
  roles: readonly string[];
  /** Calling with an API key rather than a signed-in session. */
  viaApiKey?: boolean;
}

export const isAdministrator = (principal: Principal): boolean =>
  principal.roles.includes('SYSTEM_ADMINISTRATOR' satisfies SecurityRoleName);

/** Sales Manager and Sales Professional Manager see their team's mailboxes. */
export const isManager = (principal: Principal): boolean =>
  principal.roles.some((role) => role === 'SALES_MANAGER' || role === 'SALES_PROFESSIONAL_MANAGER');
