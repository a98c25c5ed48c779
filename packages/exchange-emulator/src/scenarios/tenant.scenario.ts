import { APPLICATION_PERMISSIONS, Directory, type Permission } from '../directory/directory.store.ts';
import { EmulatorState } from '../state/emulator.state.ts';

/** The demo app registration and tenant: fixed, so the CRM seed can connect to any fresh emulator. */
export const DEMO_TENANT = {
  tenantId: '7c4f2b1e-5d3a-4e8f-9b6c-0a1d2e3f4c50',
  clientId: '3e9d7a15-8c2b-4f6e-a1d0-5b4c3e2f1a90',
  clientSecret: 'mailroom-demo~Sx7Qk2pLw9Vn4Rt6Yb8Zc3Hd5Jf',
  domain: 'contoso.example',
} as const;

/** The permissions the demo app registration was granted (admin consent) in the emulator. */
export const DEMO_PERMISSIONS: Permission[] = [
  'Mail.ReadWrite',
  'Mail.Send',
  'Calendars.ReadWrite',
  'Contacts.ReadWrite',
  'Tasks.ReadWrite.All',
  'User.Read.All',
  'MailboxSettings.Read',
  'Organization.Read.All',
];

export const KNOWN_PERMISSIONS: ReadonlySet<string> = new Set(APPLICATION_PERMISSIONS);

/** A Contoso tenant with the demo app registration and no users yet. */
export function newContosoState(deltaTtlMs: () => number): EmulatorState {
  const directory = new Directory({
    id: DEMO_TENANT.tenantId,
    displayName: 'Contoso',
    domains: [DEMO_TENANT.domain, 'contoso.onmicrosoft.com'],
    exchangeSubscription: true,
    subscriptionId: 'b4d1c9e2-3f5a-4a7b-8c6d-1e2f3a4b5c6d',
  });
  directory.addApp({
    clientId: DEMO_TENANT.clientId,
    displayName: 'Mailroom',
    clientSecret: DEMO_TENANT.clientSecret,
    servicePrincipalId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    permissions: [...DEMO_PERMISSIONS],
    accessPolicyUserIds: null,
  });
  return new EmulatorState(directory, deltaTtlMs);
}
