import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, jwtVerify, SignJWT, type JWK } from 'jose';

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

/** The claims the emulator puts in, and reads back from, an app-only access token. */
export interface AccessClaims {
  tid: string;
  appid: string;
  roles: string[];
  idtyp: 'app';
  iat: number;
  exp: number;
  /** Issue time in ms, so a revocation fault can tell tokens of the same second apart. */
  xms_iat_ms: number;
}

/** Issues and verifies RS256 access tokens with a key kept in the data directory. */
export class TokenService {
  private readonly verified = new Map<string, AccessClaims>();

  private constructor(
    private readonly privateKey: KeyObject,
    private readonly publicKey: KeyObject,
    readonly keyId: string,
  ) {}

  static async load(dataDir: string): Promise<TokenService> {
    const path = join(dataDir, 'token-signing-key.pem');
    let pem: string;
    if (existsSync(path)) {
      pem = await readFile(path, 'utf8');
    } else {
      pem = generateKeyPairSync('rsa', { modulusLength: 2048 })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString();
      await writeFile(path, pem, { mode: 0o600 });
    }
    const privateKey = createPrivateKey(pem);
    const publicKey = createPublicKey(privateKey);
    const thumb = publicKey.export({ format: 'der', type: 'spki' }).subarray(-24).toString('base64url');
    return new TokenService(privateKey, publicKey, thumb);
  }

  async issue(input: {
    tenantId: string;
    appId: string;
    appName: string;
    servicePrincipalId: string;
    roles: string[];
    lifetimeSeconds: number;
  }): Promise<string> {
    const nowMs = Date.now();
    const now = Math.floor(nowMs / 1000);
    return new SignJWT({
      tid: input.tenantId,
      appid: input.appId,
      app_displayname: input.appName,
      appidacr: '1',
      idtyp: 'app',
      oid: input.servicePrincipalId,
      sub: input.servicePrincipalId,
      roles: input.roles,
      uti: randomUUID().replaceAll('-', ''),
      ver: '1.0',
      xms_iat_ms: nowMs,
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.keyId })
      .setAudience(GRAPH_AUDIENCE)
      .setIssuer(`https://sts.windows.net/${input.tenantId}/`)
      .setIssuedAt(now)
      .setNotBefore(now - 300)
      .setExpirationTime(now + input.lifetimeSeconds)
      .sign(this.privateKey);
  }

  /** The claims of a token this emulator signed for Graph, or undefined; expiry is the caller's check. */
  async verify(token: string): Promise<AccessClaims | undefined> {
    const cached = this.verified.get(token);
    if (cached) return cached;
    try {
      const { payload } = await jwtVerify(token, this.publicKey, {
        audience: GRAPH_AUDIENCE,
        algorithms: ['RS256'],
        clockTolerance: Number.MAX_SAFE_INTEGER,
      });
      if (
        typeof payload['tid'] !== 'string' ||
        typeof payload['appid'] !== 'string' ||
        !Array.isArray(payload['roles']) ||
        typeof payload.exp !== 'number'
      )
        return undefined;
      const claims: AccessClaims = {
        tid: payload['tid'],
        appid: payload['appid'],
        roles: payload['roles'].map(String),
        idtyp: 'app',
        iat: payload.iat ?? 0,
        exp: payload.exp,
        xms_iat_ms: typeof payload['xms_iat_ms'] === 'number' ? payload['xms_iat_ms'] : (payload.iat ?? 0) * 1000,
      };
      // Bounded: verification is the costly part, and tokens are reused for an hour.
      if (this.verified.size > 10_000) this.verified.clear();
      this.verified.set(token, claims);
      return claims;
    } catch {
      return undefined;
    }
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    const jwk = await exportJWK(this.publicKey);
    return { keys: [{ ...jwk, kid: this.keyId, use: 'sig', alg: 'RS256' }] };
  }
}
