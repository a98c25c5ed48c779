import type { SecurityRoleName } from './enums.ts';

/** Who is calling: resolved from a bearer token; every use case takes one. */
export interface Principal {
  userId: string;
  organisationId: string;
  roles: readonly string[];
}

export const isAdministrator = (principal: Principal): boolean =>
  principal.roles.includes('SYSTEM_ADMINISTRATOR' satisfies SecurityRoleName);
