import type { AssignedLicense, AssignedPlan, SubscribedSku, User } from '@microsoft/microsoft-graph-types';

export const EXCHANGE_ENTERPRISE_PLAN_ID = 'efb87545-963c-4e0d-99df-69c6916d9eb0';
export const ENTERPRISE_PACK_SKU_ID = '6fd2c87f-b296-42f0-b197-1e91e994b900';

/** Every application permission the emulator knows; the app registration holds a subset. */
export const APPLICATION_PERMISSIONS = [
  'Mail.Read',
  'Mail.ReadBasic.All',
  'Mail.ReadWrite',
  'Mail.Send',
  'Calendars.Read',
  'Calendars.ReadWrite',
  'Contacts.Read',
  'Contacts.ReadWrite',
  'Tasks.Read.All',
  'Tasks.ReadWrite.All',
  'User.Read.All',
  'User.ReadWrite.All',
  'Directory.Read.All',
  'MailboxSettings.Read',
  'MailboxSettings.ReadWrite',
  'Organization.Read.All',
] as const;
export type Permission = (typeof APPLICATION_PERMISSIONS)[number];

export interface TenantRecord {
  id: string;
  displayName: string;
  /** Verified domains; the first is the default. */
  domains: string[];
  exchangeSubscription: boolean;
  subscriptionId: string;
}

export interface AppRegistration {
  clientId: string;
  displayName: string;
  clientSecret: string;
  /** Object id of the service principal, the token's `oid`. */
  servicePrincipalId: string;
  permissions: Permission[];
  /** null: no application access policy; otherwise the only mailboxes (user ids) the app may reach. */
  accessPolicyUserIds: Set<string> | null;
}

export interface UserRecord {
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  userPrincipalName: string;
  mail: string;
  jobTitle: string | null;
  officeLocation: string | null;
  mobilePhone: string | null;
  businessPhones: string[];
  preferredLanguage: string;
  exchangeLicense: boolean;
  mailboxEnabled: boolean;
  licenseAssignedAt: string;
}

export const USER_PROPERTIES = new Set([
  'id',
  'displayName',
  'givenName',
  'surname',
  'mail',
  'userPrincipalName',
  'jobTitle',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'businessPhones',
  'assignedLicenses',
  'assignedPlans',
  'accountEnabled',
  'proxyAddresses',
  'otherMails',
  'usageLocation',
]);
const DEFAULT_USER_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
];

/** The directory of the one tenant: users, the app registrations and the tenant's subscriptions. */
export class Directory {
  readonly users = new Map<string, UserRecord>();
  private readonly byUpn = new Map<string, UserRecord>();
  private readonly byMail = new Map<string, UserRecord>();
  readonly apps = new Map<string, AppRegistration>();

  constructor(readonly tenant: TenantRecord) {}

  addUser(user: UserRecord): void {
    this.users.set(user.id, user);
    this.byUpn.set(user.userPrincipalName.toLowerCase(), user);
    this.byMail.set(user.mail.toLowerCase(), user);
  }

  addApp(app: AppRegistration): void {
    this.apps.set(app.clientId, app);
  }

  /** By object id or UPN (case-insensitive), as `/users/{id | userPrincipalName}` resolves. */
  find(idOrUpn: string): UserRecord | undefined {
    return this.users.get(idOrUpn) ?? this.byUpn.get(idOrUpn.toLowerCase());
  }

  /** By UPN or primary SMTP address; how mail finds its recipient. */
  findByAddress(address: string): UserRecord | undefined {
    const lower = address.toLowerCase();
    return this.byUpn.get(lower) ?? this.byMail.get(lower);
  }

  renameUser(user: UserRecord, userPrincipalName: string): void {
    this.byUpn.delete(user.userPrincipalName.toLowerCase());
    user.userPrincipalName = userPrincipalName;
    this.byUpn.set(userPrincipalName.toLowerCase(), user);
  }

  changeMail(user: UserRecord, mail: string): void {
    this.byMail.delete(user.mail.toLowerCase());
    user.mail = mail;
    this.byMail.set(mail.toLowerCase(), user);
  }

  isTenantDomain(address: string): boolean {
    const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
    return this.tenant.domains.includes(domain);
  }

  /** An Exchange Online mailbox exists and is reachable over REST. */
  hasMailbox(user: UserRecord): boolean {
    return user.exchangeLicense && user.mailboxEnabled && this.tenant.exchangeSubscription;
  }

  assignedLicenses(user: UserRecord): AssignedLicense[] {
    return user.exchangeLicense ? [{ disabledPlans: [], skuId: ENTERPRISE_PACK_SKU_ID }] : [];
  }

  assignedPlans(user: UserRecord): AssignedPlan[] {
    if (!user.exchangeLicense) return [];
    return [
      {
        assignedDateTime: user.licenseAssignedAt,
        capabilityStatus: this.tenant.exchangeSubscription ? 'Enabled' : 'Deleted',
        service: 'exchange',
        servicePlanId: EXCHANGE_ENTERPRISE_PLAN_ID,
      },
    ];
  }

  /** The Graph representation of a user, with `$select` applied (licences only when selected). */
  renderUser(user: UserRecord, select: string[] | undefined): Record<string, unknown> {
    const full: Record<string, unknown> = {
      id: user.id,
      businessPhones: user.businessPhones,
      displayName: user.displayName,
      givenName: user.givenName,
      jobTitle: user.jobTitle,
      mail: user.mail,
      mobilePhone: user.mobilePhone,
      officeLocation: user.officeLocation,
      preferredLanguage: user.preferredLanguage,
      surname: user.surname,
      userPrincipalName: user.userPrincipalName,
      accountEnabled: true,
      usageLocation: 'US',
      otherMails: [],
      proxyAddresses: [
        `SMTP:${user.mail}`,
        ...(user.userPrincipalName.toLowerCase() !== user.mail.toLowerCase() ? [`smtp:${user.userPrincipalName}`] : []),
      ],
      assignedLicenses: this.assignedLicenses(user),
      assignedPlans: this.assignedPlans(user),
    } satisfies User & Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of select ?? DEFAULT_USER_PROPERTIES) out[key] = full[key];
    if (select && !select.includes('id')) delete out['id'];
    return out;
  }

  subscribedSkus(): SubscribedSku[] {
    if (!this.tenant.exchangeSubscription) return [];
    const consumed = [...this.users.values()].filter((user) => user.exchangeLicense).length;
    return [
      {
        accountId: this.tenant.id,
        accountName: this.tenant.displayName,
        appliesTo: 'User',
        capabilityStatus: 'Enabled',
        consumedUnits: consumed,
        id: `${this.tenant.id}_${ENTERPRISE_PACK_SKU_ID}`,
        skuId: ENTERPRISE_PACK_SKU_ID,
        skuPartNumber: 'ENTERPRISEPACK',
        subscriptionIds: [this.tenant.subscriptionId],
        prepaidUnits: { enabled: Math.max(25, consumed), suspended: 0, warning: 0, lockedOut: 0 },
        servicePlans: [
          {
            servicePlanId: EXCHANGE_ENTERPRISE_PLAN_ID,
            servicePlanName: 'EXCHANGE_S_ENTERPRISE',
            provisioningStatus: 'Success',
            appliesTo: 'User',
          },
          {
            servicePlanId: '5dbe027f-2339-4123-9542-606e4d348a72',
            servicePlanName: 'SHAREPOINTENTERPRISE',
            provisioningStatus: 'Success',
            appliesTo: 'User',
          },
        ],
      } as SubscribedSku & Record<string, unknown>,
    ];
  }
}
