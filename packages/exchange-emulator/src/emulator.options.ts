/** How to start an emulator. Every limit defaults to the Exchange Online figure of GRAPH-SUBSET.md. */
export interface EmulatorOptions {
  /** 0 = a random free port. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Extra DNS names the server certificate covers besides localhost (e.g. `emulator` in docker compose). */
  hostnames?: string[];
  /** The CA, server certificate and token-signing key are created here on first start and reused. */
  dataDir: string;
  scenario?: 'demo' | 'empty';
  /** Retry-After of throttling answers, in seconds; default 1. */
  retryAfterSeconds?: number;
  /** Concurrent requests per (app, mailbox); default 4. */
  mailboxConcurrency?: number;
  /** Requests per (app, mailbox) per `rateWindowSeconds`; default 10,000 per 600 s. */
  mailboxRequestsPerWindow?: number;
  rateWindowSeconds?: number;
  /** Bytes of request bodies per (app, mailbox) per `uploadWindowSeconds`; default 150 MB per 300 s. */
  mailboxUploadBytesPerWindow?: number;
  uploadWindowSeconds?: number;
  /** Requests per app across all mailboxes per `appWindowSeconds`; default 130,000 per 10 s. */
  appRequestsPerWindow?: number;
  appWindowSeconds?: number;
  /** `expires_in` of access tokens; default 3599. */
  tokenLifetimeSeconds?: number;
  /** Delta sync states unused for this long answer 410; default 7 days. */
  deltaTokenTtlSeconds?: number;
  /** Change-notification timings, compressible for tests. */
  notifications?: Partial<NotificationTiming>;
}

export interface NotificationTiming {
  /** The subscriber must answer the validation request within this; default 10 s. */
  validationTimeoutMs: number;
  /** A notification POST must be acknowledged (2xx) within this; default 3 s. */
  ackTimeoutMs: number;
  /** First retry delay, doubled on each attempt; default 60 s. */
  retryInitialDelayMs: number;
  /** Retries stop after this since the first attempt; default 4 h. */
  retryWindowMs: number;
  /** Changes within this window are sent in one POST; default 50 ms. */
  batchWindowMs: number;
}

export interface Limits {
  retryAfterSeconds: number;
  mailboxConcurrency: number;
  mailboxRequestsPerWindow: number;
  rateWindowSeconds: number;
  mailboxUploadBytesPerWindow: number;
  uploadWindowSeconds: number;
  appRequestsPerWindow: number;
  appWindowSeconds: number;
  tokenLifetimeSeconds: number;
  deltaTokenTtlSeconds: number;
  notifications: NotificationTiming;
}

export function resolveLimits(options: EmulatorOptions): Limits {
  return {
    retryAfterSeconds: options.retryAfterSeconds ?? 1,
    mailboxConcurrency: options.mailboxConcurrency ?? 4,
    mailboxRequestsPerWindow: options.mailboxRequestsPerWindow ?? 10_000,
    rateWindowSeconds: options.rateWindowSeconds ?? 600,
    mailboxUploadBytesPerWindow: options.mailboxUploadBytesPerWindow ?? 150 * 1024 * 1024,
    uploadWindowSeconds: options.uploadWindowSeconds ?? 300,
    appRequestsPerWindow: options.appRequestsPerWindow ?? 130_000,
    appWindowSeconds: options.appWindowSeconds ?? 10,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3599,
    deltaTokenTtlSeconds: options.deltaTokenTtlSeconds ?? 7 * 24 * 3600,
    notifications: {
      validationTimeoutMs: 10_000,
      ackTimeoutMs: 3_000,
      retryInitialDelayMs: 60_000,
      retryWindowMs: 4 * 3600_000,
      batchWindowMs: 50,
      ...options.notifications,
    },
  };
}
