import { IsNull, type DataSource } from 'typeorm';
import { ApiKey } from '../entities/api-key.entity.ts';
import { User } from '../entities/user.entity.ts';
import { DomainError, notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import type { Principal } from '../principal.ts';
import { hashToken, newToken } from './tokens.ts';
import { rolesOfUser } from './user.service.ts';

/** What an API key's bearer tokens start with. */
export const API_KEY_PREFIX = 'mrk';
const MAX_KEYS_PER_USER = 20;

/**
 * API keys: a user creates keys for their integrations (the key is shown once), lists and revokes
 * them. A key acts as its user with the user's current roles; keys cannot manage keys.
 */
export class ApiKeyService {
  constructor(private readonly dataSource: DataSource) {}

  async create(principal: Principal, name: string): Promise<{ apiKey: ApiKey; secret: string }> {
    if (principal.viaApiKey) throw new DomainError('FORBIDDEN', 'Create API keys when signed in, not with an API key.');
    const label = name.trim();
    if (!label || label.length > 100) throw new DomainError('BAD_USER_INPUT', 'Name the key in 1 to 100 characters.');
    const repository = this.dataSource.getRepository(ApiKey);
    const active = await repository.countBy({ userId: principal.userId, revokedAt: IsNull() });
    if (active >= MAX_KEYS_PER_USER)
      throw new DomainError(
        'BAD_USER_INPUT',
        `You have ${MAX_KEYS_PER_USER} keys; revoke one before creating another.`,
      );
    const secret = newToken(API_KEY_PREFIX);
    const saved = await repository.save(
      repository.create({
        organisationId: principal.organisationId,
        userId: principal.userId,
        name: label,
        prefix: secret.slice(0, 12),
        keyHash: hashToken(secret),
      }),
    );
    const { keyHash: _hash, ...apiKey } = saved;
    return { apiKey: apiKey as ApiKey, secret };
  }

  /** The caller's keys, newest first (revoked ones included, marked). */
  mine(principal: Principal): Promise<ApiKey[]> {
    return this.dataSource.getRepository(ApiKey).find({
      where: { userId: principal.userId, organisationId: principal.organisationId },
      order: { createdAt: 'DESC' },
    });
  }

  async revoke(principal: Principal, id: string): Promise<boolean> {
    if (principal.viaApiKey) throw new DomainError('FORBIDDEN', 'Revoke API keys when signed in, not with an API key.');
    const key = isUuid(id)
      ? await this.dataSource
          .getRepository(ApiKey)
          .findOneBy({ id, userId: principal.userId, organisationId: principal.organisationId })
      : null;
    if (!key) throw notFound('That API key');
    if (!key.revokedAt) await this.dataSource.getRepository(ApiKey).update({ id: key.id }, { revokedAt: new Date() });
    return true;
  }

  /** The principal a key acts as, or null for an unknown or revoked key (or a disabled user). */
  async principalForKey(secret: string): Promise<Principal | null> {
    const key = await this.dataSource
      .getRepository(ApiKey)
      .createQueryBuilder('key')
      .innerJoin(User, 'user', 'user.id = key.userId AND user.disabled = false')
      .where('key.keyHash = :hash', { hash: hashToken(secret) })
      .andWhere('key.revokedAt IS NULL')
      .getOne();
    if (!key) return null;
    // Told to the minute: a busy integration does not write on every call.
    await this.dataSource.query(
      `UPDATE api_key SET "lastUsedAt" = now() WHERE id = $1 AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - interval '1 minute')`,
      [key.id],
    );
    return {
      userId: key.userId,
      organisationId: key.organisationId,
      roles: await rolesOfUser(this.dataSource.manager, key.userId),
      viaApiKey: true,
    };
  }
}
