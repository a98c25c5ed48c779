import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { DEMO_TENANT, startEmulator } from '@mailroom/exchange-emulator';
import { createGraphAdapter, type GraphAdapter, type GraphAdapterOptions } from '../graph-adapter.ts';
import type { GraphProfile } from '../graph-profile.ts';

/** The emulator's control API (`/_emulator`, CONTRACT.md), as the contract tests drive it. */
export class EmulatorControl {
  constructor(readonly url: string) {}

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}/_emulator${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} /_emulator${path} answered ${response.status}: ${text}`);
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  /** A fresh licensed user with a mailbox, so each test owns its data and its faults. */
  async newMailbox(prefix = 'it'): Promise<{ id: string; upn: string }> {
    const upn = `${prefix}-${randomUUID().slice(0, 8)}@${DEMO_TENANT.domain}`;
    const user = await this.call<{ id: string; userPrincipalName: string }>('POST', '/users', {
      userPrincipalName: upn,
    });
    return { id: user.id, upn: user.userPrincipalName };
  }

  /** Delivers mail from outside the tenant into `upn`'s inbox; resolves with the count. */
  async deliver(upn: string, subjects: readonly string[]): Promise<void> {
    for (const subject of subjects) {
      await this.call('POST', `/mailboxes/${encodeURIComponent(upn)}/deliver`, {
        from: 'Pat Customer <pat@fabrikam.example>',
        to: upn,
        subject,
        body: `<p>${subject}</p>`,
      });
    }
  }

  fault(fault: {
    kind: string;
    upn?: string;
    count?: number;
    rate?: number;
    ms?: number;
    retryAfter?: number;
    status?: number;
  }): Promise<unknown> {
    return this.call('POST', '/faults', fault);
  }

  /** Throttling counters for one mailbox, from `GET /_emulator/state`. */
  async throttling(upn: string): Promise<MailboxCounters> {
    const state = await this.call<{ throttling: { perMailbox: MailboxCounters[] } }>('GET', '/state');
    const counters = state.throttling.perMailbox.filter((entry) => entry.mailbox.toLowerCase() === upn.toLowerCase());
    return counters.reduce<MailboxCounters>(
      (sum, entry) => ({
        mailbox: upn,
        requests: sum.requests + entry.requests,
        throttled: sum.throttled + entry.throttled,
        retryAfterViolations: sum.retryAfterViolations + entry.retryAfterViolations,
        concurrencyViolations: sum.concurrencyViolations + entry.concurrencyViolations,
      }),
      { mailbox: upn, requests: 0, throttled: 0, retryAfterViolations: 0, concurrencyViolations: 0 },
    );
  }
}

export interface MailboxCounters {
  mailbox: string;
  requests: number;
  throttled: number;
  retryAfterViolations: number;
  concurrencyViolations: number;
}

/** The demo app registration's profile on an emulator at `url`. */
export function demoProfile(url: string, overrides: Partial<GraphProfile> = {}): GraphProfile {
  return {
    graphBaseUrl: url,
    authorityUrl: url,
    tenantId: DEMO_TENANT.tenantId,
    clientId: DEMO_TENANT.clientId,
    clientSecret: DEMO_TENANT.clientSecret,
    ...overrides,
  };
}

export function demoAdapter(
  url: string,
  overrides: Partial<GraphProfile> = {},
  options?: GraphAdapterOptions,
): GraphAdapter {
  return createGraphAdapter(demoProfile(url, overrides), options);
}

/**
 * An emulator of the test file's own, for tests that change tenant-wide state (the app's
 * permissions, the tenant's subscription) and so must not share the run's emulator. Given the
 * run's emulator directory it reuses that CA, which NODE_EXTRA_CA_CERTS already trusts;
 * otherwise it makes its own and adds it to this worker's default trust store.
 */
export async function startPrivateEmulator(
  sharedDataDir?: string,
): Promise<{ url: string; control: EmulatorControl; stop: () => Promise<void> }> {
  const dataDir = sharedDataDir ?? (await mkdtemp(join(tmpdir(), 'graph-adapter-emulator-')));
  const emulator = await startEmulator({ port: 0, dataDir, scenario: 'demo' });
  if (sharedDataDir === undefined) tls.setDefaultCACertificates([...tls.getCACertificates('default'), emulator.caPem]);
  return {
    url: emulator.url,
    control: new EmulatorControl(emulator.url),
    stop: async () => {
      await emulator.stop();
      if (sharedDataDir === undefined) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The run's shared emulator when the global setup provides one (`inject('emulatorUrl')`), else
 * one of this file's own. Tests on the shared one touch only mailboxes they created.
 */
export async function useEmulator(
  providedUrl: string | undefined,
): Promise<{ url: string; control: EmulatorControl; stop: () => Promise<void> }> {
  if (providedUrl !== undefined && providedUrl !== '') {
    return { url: providedUrl, control: new EmulatorControl(providedUrl), stop: async () => {} };
  }
  return startPrivateEmulator();
}

// Declared by tooling/vitest.global-setup.ts too; repeated (identically) so this package
// type-checks on its own, without the run-wide setup in its program.
declare module 'vitest' {
  export interface ProvidedContext {
    emulatorUrl: string;
    emulatorDataDir: string;
  }
}
