import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { DomainError } from '../errors.ts';

const VERSION = 'v1';
/** Decrypted secrets kept in memory: every sync run reads its tenant's secret. */
const REMEMBERED = 256;

/**
 * Encrypts secrets at rest (tenant client secrets) with AES-256-GCM under a key from
 * configuration. The stored form is `v1.<iv>.<tag>.<ciphertext>` (base64url); it authenticates, so
 * a tampered value or a wrong key fails to decrypt instead of yielding garbage.
 */
export class SecretCipher {
  private readonly key: KeyObject;
  private readonly remembered = new Map<string, string>();

  /** @param key 32 bytes, e.g. from `MAILROOM_SECRET_KEY` (base64). */
  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('The secret key must be 32 bytes (256 bits).');
    this.key = createSecretKey(key);
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  decrypt(stored: string): string {
    const known = this.remembered.get(stored);
    if (known !== undefined) return known;
    const plaintext = this.decryptOnce(stored);
    if (this.remembered.size >= REMEMBERED) this.remembered.delete(this.remembered.keys().next().value!);
    this.remembered.set(stored, plaintext);
    return plaintext;
  }

  private decryptOnce(stored: string): string {
    const [version, iv, tag, ciphertext] = stored.split('.');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
      throw new DomainError('CONFLICT', 'A stored secret is in an unknown format; enter it again.');
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new DomainError(
        'CONFLICT',
        'A stored secret cannot be decrypted with the configured MAILROOM_SECRET_KEY; restore the key or enter the secret again.',
      );
    }
  }
}
