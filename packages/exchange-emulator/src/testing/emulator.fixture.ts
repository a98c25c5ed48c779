import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { Client, type ClientOptions } from '@microsoft/microsoft-graph-client';
import { DEMO_TENANT, startEmulator, type EmulatorOptions, type RunningEmulator } from '../index.ts';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export interface TestEmulator {
  emulator: RunningEmulator;
  url: string;
  /** A real MSAL confidential client against the emulator's authority. */
  msal(credentials?: { clientId?: string; clientSecret?: string; tenant?: string }): ConfidentialClientApplication;
  /** A real Graph SDK client whose tokens come from `app` (or a fresh demo MSAL client). */
  graph(app?: ConfidentialClientApplication, options?: Partial<ClientOptions>): Client;
  /** Calls the control API; returns status and parsed JSON. */
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
}

/**
 * A private emulator for one test file, so resets and faults do not disturb other suites. It
 * reuses the CA of the run's shared emulator (NODE_EXTRA_CA_CERTS), which the worker trusts.
 */
export async function startTestEmulator(options: Partial<EmulatorOptions> = {}): Promise<TestEmulator> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mailroom-emulator-test-'));
  const trusted = process.env.NODE_EXTRA_CA_CERTS;
  if (!trusted)
    throw new Error(
      'NODE_EXTRA_CA_CERTS is not set: run through the integration project, whose global setup provides the emulator CA.',
    );
  const caDir = dirname(trusted);
  for (const file of ['ca.pem', 'ca-key.pem'])
    if (existsSync(join(caDir, file))) await copyFile(join(caDir, file), join(dataDir, file));
  const emulator = await startEmulator({ port: 0, ...options, dataDir });
  const url = emulator.url;
  const msal = (credentials: { clientId?: string; clientSecret?: string; tenant?: string } = {}) =>
    new ConfidentialClientApplication({
      auth: {
        clientId: credentials.clientId ?? DEMO_TENANT.clientId,
        clientSecret: credentials.clientSecret ?? DEMO_TENANT.clientSecret,
        authority: `${url}/${credentials.tenant ?? DEMO_TENANT.tenantId}`,
        knownAuthorities: [`localhost:${emulator.port}`],
      },
    });
  return {
    emulator,
    url,
    msal,
    graph: (app = msal(), options = {}) =>
      Client.initWithMiddleware({
        baseUrl: url,
        defaultVersion: 'v1.0',
        customHosts: new Set(['localhost']),
        authProvider: {
          getAccessToken: async () =>
            (await app.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] }))!.accessToken,
        },
        ...options,
      }),
    control: async <T>(method: string, path: string, body?: unknown) => {
      const response = await fetch(`${url}/_emulator/${path}`, {
        method,
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as T };
    },
    stop: async () => {
      await emulator.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
