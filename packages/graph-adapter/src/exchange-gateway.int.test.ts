// The Exchange port's gateways tell each 429 with the organisation whose connection received it:
// the workers count them per organisation for the sync-health dashboard.
import type { ExchangeConnection } from '@mailroom/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createExchangeGateways } from './exchange-gateway.ts';
import { demoProfile, useEmulator, type EmulatorControl } from './testing/emulator-harness.ts';

let url: string;
let control: EmulatorControl;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ url, control, stop } = await useEmulator(inject('emulatorUrl')));
});

afterAll(() => stop());

const connectionOf = (organisationId?: string): ExchangeConnection => ({
  ...demoProfile(url),
  maxConcurrentRequestsPerMailbox: 4,
  ...(organisationId ? { organisationId } : {}),
});

describe('throttling per organisation', () => {
  it('tells each 429 with the organisation of the connection that received it, and every request to metrics', async () => {
    const { upn } = await control.newMailbox();
    const statuses: string[] = [];
    const throttled: string[] = [];
    const gateways = createExchangeGateways({
      onRequest: (event) => statuses.push(event.status),
      onThrottled: (organisationId) => throttled.push(organisationId),
    });
    await gateways(connectionOf('org-a')).folderId(upn, 'inbox');
    await control.fault({ kind: 'throttle', upn, count: 1, retryAfter: 1 });
    await gateways(connectionOf('org-b')).folderId(upn, 'inbox');
    expect(statuses).toEqual(['2xx', '429', '2xx']);
    expect(throttled).toEqual(['org-b']);

    // A connection that names no organisation is still counted by metrics, against none.
    await control.fault({ kind: 'throttle', upn, count: 1, retryAfter: 1 });
    await gateways(connectionOf()).folderId(upn, 'inbox');
    expect(statuses.filter((status) => status === '429')).toHaveLength(2);
    expect(throttled).toEqual(['org-b']);
  });
});
