import type { DataSource } from 'typeorm';
import { DomainError } from '../errors.ts';
import { Session } from '../entities/session.entity.ts';
import { User } from '../entities/user.entity.ts';
import type { Principal } from '../principal.ts';
import { UNKNOWN_USER_HASH, verifyPassword } from './password.ts';
import { hashToken, newToken } from './tokens.ts';
import { rolesOfUser } from './user.service.ts';

const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
const WRONG_CREDENTIALS = 'The email or password is not right.';

export interface SignedIn {
  token: string;
  user: User;
}

export class AuthService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Signs a user in by email and password. A wrong email and a wrong password fail alike, in
   * about the same time (a hash is verified either way), so accounts cannot be enumerated.
   */
  async signIn(email: string, password: string, now = new Date()): Promise<SignedIn> {
    const candidates = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.primaryEmailLower = :email', { email: email.trim().toLowerCase() })
      .andWhere('user.disabled = false')
      // An address in several organisations (e.g. production and a sandbox): the oldest account
      // whose password matches wins, every time.
      .orderBy('user.createdAt', 'ASC')
      .addOrderBy('user.id', 'ASC')
      .getMany();
    let match: User | undefined;
    for (const user of candidates) {
      if (user.passwordHash && (await verifyPassword(password, user.passwordHash))) {
        match = user;
        break;
      }
    }
    if (candidates.length === 0) await verifyPassword(password, await UNKNOWN_USER_HASH);
    if (!match) throw new DomainError('UNAUTHENTICATED', WRONG_CREDENTIALS);

    const token = newToken('mrs');
    await this.dataSource.getRepository(Session).insert({
      organisationId: match.organisationId,
      userId: match.id,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
    });
    delete (match as Partial<User>).passwordHash;
    return { token, user: match };
  }

  /** The principal behind a bearer token, or null when it is unknown, expired or its user disabled. */
  async principalForToken(token: string, now = new Date()): Promise<Principal | null> {
    const row = await this.dataSource
      .getRepository(Session)
      .createQueryBuilder('session')
      .innerJoin(User, 'user', 'user.id = session.userId AND user.disabled = false')
      .where('session.tokenHash = :hash', { hash: hashToken(token) })
      .andWhere('session.expiresAt > :now', { now })
      .getOne();
    if (!row) return null;
    return {
      userId: row.userId,
      organisationId: row.organisationId,
      roles: await rolesOfUser(this.dataSource.manager, row.userId),
    };
  }

  async signOut(token: string): Promise<void> {
    await this.dataSource.getRepository(Session).delete({ tokenHash: hashToken(token) });
  }
}
