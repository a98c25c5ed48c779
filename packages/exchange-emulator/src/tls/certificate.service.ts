import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import forge from 'node-forge';

export interface TlsMaterial {
  caCertPath: string;
  caPem: string;
  cert: string;
  key: string;
}

const FILES = { ca: 'ca.pem', caKey: 'ca-key.pem', server: 'server.pem', serverKey: 'server-key.pem' } as const;
const DAY_MS = 86_400_000;

// node:crypto generates RSA keys natively (forge's pure-JS generator takes seconds); forge signs.
function newKeyPair(): { privatePem: string; publicKey: forge.pki.PublicKey; privateKey: forge.pki.rsa.PrivateKey } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privatePem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(privatePem) as forge.pki.rsa.PrivateKey;
  return { privatePem, privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e) };
}

function newCertificate(publicKey: forge.pki.PublicKey, validDays: number): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  // A positive serial: the top bit cleared.
  cert.serialNumber = `0${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - DAY_MS);
  cert.validity.notAfter = new Date(Date.now() + validDays * DAY_MS);
  return cert;
}

function createCa(): { certPem: string; keyPem: string } {
  const keys = newKeyPair();
  const cert = newCertificate(keys.publicKey, 3650);
  const subject = [
    { name: 'commonName', value: 'Mailroom Exchange Emulator Local CA' },
    { name: 'organizationName', value: 'Mailroom (local development)' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.privatePem };
}

function createServerCertificate(
  caCertPem: string,
  caKeyPem: string,
  hostnames: readonly string[],
): { certPem: string; keyPem: string } {
  const caCert = forge.pki.certificateFromPem(caCertPem);
  const caKey = forge.pki.privateKeyFromPem(caKeyPem) as forge.pki.rsa.PrivateKey;
  const keys = newKeyPair();
  // 397 days: the longest validity clients accept for a leaf certificate.
  const cert = newCertificate(keys.publicKey, 397);
  cert.setSubject([{ name: 'commonName', value: 'localhost' }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 2, value: 'localhost' },
        ...hostnames.map((value) => ({ type: 2, value })),
        { type: 7, ip: '127.0.0.1' },
        { type: 7, ip: '::1' },
      ],
    },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.privatePem };
}

function stillValid(certPem: string, caPem: string, hostnames: readonly string[]): boolean {
  try {
    const cert = new X509Certificate(certPem);
    const ca = new X509Certificate(caPem);
    return (
      cert.verify(ca.publicKey) &&
      Date.parse(cert.validTo) > Date.now() + 7 * DAY_MS &&
      cert.checkHost('localhost') !== undefined &&
      cert.checkIP('127.0.0.1') !== undefined &&
      hostnames.every((hostname) => cert.checkHost(hostname) !== undefined)
    );
  } catch {
    return false;
  }
}

/** Emulators started side by side share `dataDir`: none may read a half-written file. */
async function writeAtomically(file: string, content: string, mode = 0o644): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, content, { mode });
  await rename(temporary, file);
}

/**
 * The local CA and a server certificate in `dataDir` for localhost (and `hostnames`, e.g. a container's
 * service name): created on first start, reused after, renewed when it no longer covers them.
 */
export async function ensureTlsMaterial(dataDir: string, hostnames: readonly string[] = []): Promise<TlsMaterial> {
  await mkdir(dataDir, { recursive: true });
  const path = (name: keyof typeof FILES) => join(dataDir, FILES[name]);
  let caPem: string;
  let caKeyPem: string;
  if (existsSync(path('ca')) && existsSync(path('caKey'))) {
    [caPem, caKeyPem] = await Promise.all([readFile(path('ca'), 'utf8'), readFile(path('caKey'), 'utf8')]);
  } else {
    const ca = createCa();
    [caPem, caKeyPem] = [ca.certPem, ca.keyPem];
    await writeAtomically(path('caKey'), caKeyPem, 0o600);
    await writeAtomically(path('ca'), caPem);
  }
  let cert: string | undefined;
  let key: string | undefined;
  if (existsSync(path('server')) && existsSync(path('serverKey'))) {
    [cert, key] = await Promise.all([readFile(path('server'), 'utf8'), readFile(path('serverKey'), 'utf8')]);
    if (!stillValid(cert, caPem, hostnames)) cert = undefined;
  }
  if (!cert || !key) {
    const server = createServerCertificate(caPem, caKeyPem, hostnames);
    [cert, key] = [server.certPem, server.keyPem];
    await writeAtomically(path('serverKey'), key, 0o600);
    await writeAtomically(path('server'), cert);
  }
  return { caCertPath: path('ca'), caPem, cert, key };
}
