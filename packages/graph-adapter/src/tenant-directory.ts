import type { AssignedPlan, SubscribedSku, User } from '@microsoft/microsoft-graph-types';
import { collectPages } from './collection-pages.ts';
import { GraphAdapterError } from './graph-errors.ts';
import { PERMISSIONS } from './graph-permissions.ts';
import { segment, type GraphContext } from './graph-transport.ts';

/** Whether the tenant has Exchange Online, and which Exchange service plans say so. */
export interface ExchangeDetection {
  exchangeOnline: boolean;
  /** `servicePlanName`s of enabled, provisioned EXCHANGE_S_* plans. */
  exchangePlans: string[];
}

/** A directory user as Mailroom needs it. */
export interface DirectoryUser {
  id: string;
  userPrincipalName: string;
  mail: string | null;
  displayName: string | null;
  accountEnabled: boolean | null;
  /** Some assigned plan of service `exchange` is Enabled (not Warning, Suspended, Deleted, LockedOut). */
  exchangeLicenseValid: boolean;
}

const USER_FIELDS = 'id,userPrincipalName,mail,displayName,accountEnabled,assignedPlans';

/**
 * Reads the tenant's subscribed SKUs: Exchange Online is present when an Enabled SKU has an
 * `EXCHANGE_S_*` service plan whose provisioning succeeded.
 */
export async function detectExchange(context: GraphContext): Promise<ExchangeDetection> {
  const skus = await collectPages<SubscribedSku>(context, {
    url: '/subscribedSkus',
    permission: PERMISSIONS.organizationRead,
  });
  const exchangePlans = skus
    .filter((sku) => sku.capabilityStatus === 'Enabled')
    .flatMap((sku) => sku.servicePlans ?? [])
    .filter((plan) => plan.provisioningStatus === 'Success' && (plan.servicePlanName ?? '').startsWith('EXCHANGE_S_'))
    .map((plan) => plan.servicePlanName as string);
  return { exchangeOnline: exchangePlans.length > 0, exchangePlans: [...new Set(exchangePlans)] };
}

/** Every user in the tenant's directory. */
export async function listUsers(context: GraphContext): Promise<DirectoryUser[]> {
  const users = await collectPages<User>(context, {
    url: '/users',
    query: { $select: USER_FIELDS, $top: 999 },
    permission: PERMISSIONS.usersRead,
  });
  return users.map(toDirectoryUser);
}

/** One user by object id or UPN, or null when the directory has no such user. */
export async function getUser(context: GraphContext, idOrUpn: string): Promise<DirectoryUser | null> {
  try {
    const user = await context.transport.execute<User>({
      method: 'GET',
      url: `/users/${segment(idOrUpn)}`,
      query: { $select: USER_FIELDS },
      permission: PERMISSIONS.usersRead,
    });
    return toDirectoryUser(user);
  } catch (error) {
    if (error instanceof GraphAdapterError && error.kind === 'NOT_FOUND') return null;
    throw error;
  }
}

export function hasValidExchangeLicense(plans: readonly AssignedPlan[] | null | undefined): boolean {
  return (plans ?? []).some(
    (plan) => plan.service?.toLowerCase() === 'exchange' && plan.capabilityStatus === 'Enabled',
  );
}

function toDirectoryUser(user: User): DirectoryUser {
  return {
    id: user.id ?? '',
    userPrincipalName: user.userPrincipalName ?? '',
    mail: user.mail ?? null,
    displayName: user.displayName ?? null,
    accountEnabled: user.accountEnabled ?? null,
    exchangeLicenseValid: hasValidExchangeLicense(user.assignedPlans),
  };
}
