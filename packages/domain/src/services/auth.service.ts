import type { DataSource } from 'typeorm';
import { DomainError } from '../errors.ts';
import { Session } from '../entities/session.entity.ts';
import { User } from '../entities/user.entity.ts';
import type { Principal } from '../principal.ts';
import { UNKNOWN_USER_HASH, verifyPassword } from './password.ts';
import { hashToken, newToken } from './tokens.ts';

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
    return this.principalForTokenHash(hashToken(token), now);
  }

  /**
   * The same, from the session token's hash: for credentials that stand for a session without
   * holding its token (the queue board's cookie), so they stop working with the session.
   */
  async principalForTokenHash(tokenHash: string, now = new Date()): Promise<Principal | null> {
    // One round trip on every request: the session, its user (not disabled) and the user's roles.
    const [row] = (await this.dataSource.query(
      `SELECT s."userId", s."organisationId",
              COALESCE(array_agg(r.name ORDER BY r.name) FILTER (WHERE r.name IS NOT NULL), '{}') AS roles
         FROM session s
         JOIN app_user u ON u.id = s."userId" AND u.disabled = false
         LEFT JOIN user_role l ON l."userId" = s."userId"
         LEFT JOIN security_role r ON r.id = l."roleId"
        WHERE s."tokenHash" = $1 AND s."expiresAt" > $2
        GROUP BY s."userId", s."organisationId"`,
      [tokenHash, now],
    )) as { userId: string; organisationId: string; roles: string[] }[];
    if (!row) return null;
    return { userId: row.userId, organisationId: row.organisationId, roles: row.roles };
  }

  async signOut(token: string): Promise<void> {
    await this.dataSource.getRepository(Session).delete({ tokenHash: hashToken(token) });
  }
}
