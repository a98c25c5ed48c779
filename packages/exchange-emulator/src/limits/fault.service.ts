import { randomUUID } from 'node:crypto';

export const FAULT_KINDS = [
  'throttle',
  'error5xx',
  'latency',
  'expireTokens',
  'expireDeltaTokens',
  'accessDenied',
  'duplicateNotifications',
  'dropNotifications',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  kind: FaultKind;
  /** One mailbox (its user id once resolved), or every request when absent. */
  userId?: string;
  upn?: string;
  /** Share of eligible requests hit, 0..1; all when absent. */
  rate?: number;
  /** How many requests are hit at most; unlimited when absent. */
  count?: number;
  /** Latency added, for `latency`. */
  ms?: number;
  /** Retry-After of `throttle` and `error5xx` answers, in seconds. */
  retryAfter?: number;
  /** Status of `error5xx` answers; 503 by default. */
  status?: 500 | 502 | 503 | 504;
}

export interface Fault extends FaultSpec {
  id: string;
  createdAtMs: number;
  hits: number;
}

/**
 * Injected faults. Token and delta-token expiry hit only credentials that existed when the fault
 * was injected, so a client that gets new ones recovers, as it would from a real revocation.
 */
export class FaultService {
  private faults: Fault[] = [];

  add(spec: FaultSpec): Fault {
    const fault: Fault = { ...spec, id: randomUUID(), createdAtMs: Date.now(), hits: 0 };
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return this.faults;
  }

  /** The first fault of this kind that hits this request (and counts the hit), if any. */
  hit(kind: FaultKind, userId: string | undefined, credentialCreatedMs?: number): Fault | undefined {
    for (const fault of this.faults) {
      if (fault.kind !== kind) continue;
      if (fault.userId !== undefined && fault.userId !== userId) continue;
      if (fault.count !== undefined && fault.hits >= fault.count) continue;
      if (credentialCreatedMs !== undefined && credentialCreatedMs > fault.createdAtMs) continue;
      if (fault.rate !== undefined && Math.random() >= fault.rate) continue;
      fault.hits++;
      return fault;
    }
    return undefined;
  }
}
