import { DomainError } from '@mailroom/domain';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { requirePrincipal } from '../auth-checker.ts';
import type { ApiContext } from '../context.ts';
import { SessionType, UserType } from './user.type.ts';

@Resolver()
export class AuthResolver {
  @Mutation(() => SessionType, { description: 'Signs in with email and password; returns a bearer token.' })
  async signIn(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Ctx() { services, clientAddress }: ApiContext,
  ): Promise<SessionType> {
    const throttle = services.signInThrottle;
    const waitMs = await throttle.blockedFor(email.slice(0, 320), clientAddress);
    if (waitMs > 0) {
      const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
      throw new DomainError(
        'RATE_LIMITED',
        `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      );
    }
    try {
      if (email.length > 320 || password.length > 1024) {
        throw new DomainError('UNAUTHENTICATED', 'The email or password is not right.');
      }
      const session = await services.auth.signIn(email, password);
      await throttle.succeeded(email);
      return session;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'UNAUTHENTICATED') {
        await throttle.failed(email.slice(0, 320), clientAddress);
      }
      throw error;
    }
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Ends the current session; its token stops working.' })
  async signOut(@Ctx() { services, token, principal }: ApiContext): Promise<boolean> {
    // An API key has no session to end (revoke it instead).
    if (token && !principal?.viaApiKey) await services.auth.signOut(token);
    return true;
  }

  @Authorized()
  @Query(() => UserType, { description: 'The signed-in user.' })
  me(@Ctx() context: ApiContext): Promise<UserType> {
    return context.services.users.me(requirePrincipal(context));
  }
}
