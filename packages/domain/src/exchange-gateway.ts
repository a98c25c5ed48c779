import type { Channel, ChannelResult, ExchangeFailure, ExchangeFailureKind } from './rules/mailbox-test.rule.ts';

/**
 * What the domain needs from Exchange Online. Implemented over Microsoft Graph by
 * packages/graph-adapter (wired in the API and the worker); the domain never speaks Graph.
 */
export interface ExchangeGateway {
  /** Whether the tenant subscribes to Exchange Online (detected, never assumed). */
  detectExchange(): Promise<{ exchangeOnline: boolean }>;
  listUsers(): Promise<DirectoryUserRecord[]>;
  /** Tests one mailbox's channels; failures are results, not exceptions. */
  testMailbox(address: string): Promise<Record<Channel, ChannelResult>>;
}

export interface DirectoryUserRecord {
  id: string;
  userPrincipalName: string;
  mail: string | null;
  displayName: string | null;
  accountEnabled: boolean | null;
  exchangeLicenseValid: boolean;
}

/** The credentials and endpoints of an email server profile, with the secret decrypted. */
export interface ExchangeConnection {
  graphBaseUrl: string;
  authorityUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  maxConcurrentRequestsPerMailbox: number;
}

export type ExchangeGatewayFactory = (connection: ExchangeConnection) => ExchangeGateway;

/** A call to Exchange failed as a whole (e.g. the credentials were rejected before any test ran). */
export class ExchangeError extends Error {
  constructor(
    readonly failure: ExchangeFailure,
    message = `Exchange Online call failed: ${failure.kind}`,
  ) {
    super(message);
    this.name = 'ExchangeError';
  }

  get kind(): ExchangeFailureKind {
    return this.failure.kind;
  }
}
