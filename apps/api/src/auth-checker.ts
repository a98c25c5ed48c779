import { DomainError } from '@mailroom/domain';
import type { AuthCheckerFn } from 'type-graphql';
import type { ApiContext } from './context.ts';

/**
 * `@Authorized()` needs a signed-in caller; `@Authorized('SYSTEM_ADMINISTRATOR', ...)` needs one
 * of those roles. Failures are domain errors, so clients get UNAUTHENTICATED or FORBIDDEN.
 */
export const authChecker: AuthCheckerFn<ApiContext> = ({ context }, roles) => {
  const { principal } = context;
  if (!principal) throw new DomainError('UNAUTHENTICATED', 'Sign in to do this.');
  if (roles.length > 0 && !roles.some((role) => principal.roles.includes(role))) {
    throw new DomainError('FORBIDDEN', 'Your security roles do not allow this. Ask an administrator.');
  }
  return true;
};

export function requirePrincipal(context: ApiContext) {
  if (!context.principal) throw new DomainError('UNAUTHENTICATED', 'Sign in to do this.');
  return context.principal;
}
