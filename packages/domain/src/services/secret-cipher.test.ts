import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretCipher } from './secret-cipher.ts';

describe('secret cipher', () => {
  const cipher = new SecretCipher(randomBytes(32));

  it('round-trips a secret without storing it in clear', () => {
    const stored = cipher.encrypt('s3cr3t-client-secret');
    expect(stored).not.toContain('s3cr3t');
    expect(cipher.decrypt(stored)).toBe('s3cr3t-client-secret');
  });

  it('uses a fresh IV each time', () => {
    expect(cipher.encrypt('x')).not.toBe(cipher.encrypt('x'));
  });

  it('refuses a value encrypted under another key, or tampered with', () => {
    const stored = cipher.encrypt('secret');
    expect(() => new SecretCipher(randomBytes(32)).decrypt(stored)).toThrow(/MAILROOM_SECRET_KEY/);
    const tampered = stored.slice(0, -2) + (stored.endsWith('A') ? 'B' : 'A') + stored.slice(-1);
    expect(() => cipher.decrypt(tampered)).toThrow();
  });

  it('rejects a key of the wrong size', () => {
    expect(() => new SecretCipher(randomBytes(16))).toThrow('32 bytes');
  });
});
