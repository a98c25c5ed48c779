// One chaos run: the real stack (PostgreSQL, Redis, the API, several workers, an Exchange
// emulator), a workload (the first sync of every mailbox, live deliveries, outgoing sends through
// the API) and the faults of the schedule underneath it; then, once the faults are over and the
// system has had time to catch up, the emulator's ground truth compared with PostgreSQL.
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import pg from 'pg';
import { TestClient } from '../apps/api/src/testing/graphql-client.ts';
import { SCHEDULE, type FaultOutcome, type FaultTargets } from './chaos-faults.ts';
import {
  CrashablePostgres,
  CrashableRedis,
  isAlive,
  loggedProblems,
  startApiProcess,
  startWorkerProcess,
  type EmulatorHandle,
  type StackProcess,
  type StackSettings,
} from './chaos-stack.ts';
import type { ChaosReport } from './chaos-report.ts';
import { SALES_PASSWORD, seedSalesOrganisation, type Seeded } from './sales-organisation.ts';
import { scaleUpn } from '../bench/bench-seed.ts';
import { seededRandom } from '../tooling/seeded-random.ts';

export interface ChaosOptions {
  mailboxes: number;
  /** Messages the emulator's `scale` scenario gives each mailbox (Inbox and Sent Items hold ~94 % of them). */
  messagesPerMailbox: number;
  /** Emails sent through the API (`sendEmail`) during the faults. */
  sends: number;
  /** Messages delivered from outside into the mailboxes, per second, during the faults. */
  deliveriesPerSecond: number;
  workers: number;
  /** How long each fault lasts (the mixed one twice as long). */
  faultWindowMs: number;
  /** After the faults, how long the system has to converge before what it has is compared. */
  settleDeadlineMs: number;
  /** The profile's polling interval: what finds mail whose notifications were missed. */
  pollIntervalSeconds: number;
  /** Worker settings that make recovery fit the run (lease and send grace periods). */
  workerEnv: Record<string, string>;
  seed: number;
  log(line: string): void;
}

const SEND_SUBJECT = 'Chaos send #';
const LIVE_SUBJECT = 'Chaos live #';
const SYNCED_FOLDERS = new Set(['inbox', 'sentitems']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `query` on a fresh connection, waiting out a database that is restarting. */
async function withDatabase<T>(url: string, query: (client: pg.Client) => Promise<T>, deadlineMs = 60_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return await query(client);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(500);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

export interface GroundTruth {
  /** Internet message ids of every message in a synced folder of a run mailbox. */
  messageIds: Set<string>;
  /** Per mailbox UPN: Exchange immutable id → Internet message id, synced folders only. */
  copies: Map<string, Map<string, string>>;
  /** Subject → how many times it is in its sender's Sent Items. */
  sent: Map<string, number>;
}

/** What Exchange holds in the synced folders of `upns` (the emulator's own state), and the sends it filed. */
export async function groundTruth(emulator: EmulatorHandle, upns: string[]): Promise<GroundTruth> {
  const truth: GroundTruth = { messageIds: new Set(), copies: new Map(), sent: new Map() };
  for (const upn of upns) {
    const { messages } = await emulator.control<{
      messages: { id: string; folder: string; internetMessageId: string; subject: string; isDraft: boolean }[];
    }>('GET', `mailboxes/${encodeURIComponent(upn)}/messages`);
    const copies = new Map<string, string>();
    for (const message of messages) {
      if (message.isDraft || !SYNCED_FOLDERS.has(message.folder)) continue;
      truth.messageIds.add(message.internetMessageId);
      copies.set(message.id, message.internetMessageId);
      if (message.folder === 'sentitems' && message.subject.startsWith(SEND_SUBJECT)) {
        truth.sent.set(message.subject, (truth.sent.get(message.subject) ?? 0) + 1);
      }
    }
    truth.copies.set(upn, copies);
  }
  return truth;
}

export interface Stored {
  /** Internet message id → emails holding it. */
  emails: Map<string, number>;
  /** Per mailbox id: Exchange immutable id → the Internet message id of the email it is a copy of. */
  copies: Map<string, Map<string, string | null>>;
  /** Subject of each email sent through the API → its status. */
  sends: Map<string, string[]>;
}

/** What PostgreSQL holds for the organisation: emails, copies per mailbox, the API's sends. */
export async function stored(databaseUrl: string, organisationId: string): Promise<Stored> {
  return withDatabase(databaseUrl, async (client) => {
    const emails = await client.query<{ id: string; n: number }>(
      `SELECT "internetMessageId" AS id, count(*)::int AS n FROM email
        WHERE "organisationId" = $1 AND "internetMessageId" IS NOT NULL GROUP BY 1`,
      [organisationId],
    );
    const copies = await client.query<{ mailboxId: string; key: string; imid: string | null }>(
      `SELECT c."mailboxId", c."exchangeMessageId" AS key, e."internetMessageId" AS imid
         FROM email_copy c JOIN email e ON e.id = c."emailId"
        WHERE c."organisationId" = $1 AND NOT c.removed`,
      [organisationId],
    );
    const sends = await client.query<{ subject: string; status: string }>(
      `SELECT subject, status FROM email WHERE "organisationId" = $1 AND direction = 'OUTGOING' AND subject LIKE $2`,
      [organisationId, `${SEND_SUBJECT}%`],
    );
    const byMailbox = new Map<string, Map<string, string | null>>();
    for (const row of copies.rows) {
      const map = byMailbox.get(row.mailboxId) ?? new Map<string, string | null>();
      map.set(row.key, row.imid);
      byMailbox.set(row.mailboxId, map);
    }
    const bySubject = new Map<string, string[]>();
    for (const row of sends.rows) bySubject.set(row.subject, [...(bySubject.get(row.subject) ?? []), row.status]);
    return { emails: new Map(emails.rows.map((r) => [r.id, r.n])), copies: byMailbox, sends: bySubject };
  });
}

/** Compares what Exchange holds with what PostgreSQL holds. */
export function compare(truth: GroundTruth, db: Stored, seeded: Seeded, sendsRequested: number) {
  let found = 0;
  for (const id of truth.messageIds) if (db.emails.has(id)) found++;
  let duplicated = 0;
  for (const n of db.emails.values()) duplicated += n - 1;
  let copiesExpected = 0;
  let copiesMissing = 0;
  let copiesWrong = 0;
  let copiesUnexpected = 0;
  for (const [upn, copies] of truth.copies) {
    const held = db.copies.get(seeded.mailboxIds.get(upn) ?? '') ?? new Map<string, string | null>();
    copiesExpected += copies.size;
    for (const [key, imid] of copies) {
      if (!held.has(key)) copiesMissing++;
      else if (held.get(key) !== imid) copiesWrong++;
    }
    for (const key of held.keys()) if (!copies.has(key)) copiesUnexpected++;
  }
  let sentInExchange = 0;
  let sendsDuplicated = 0;
  for (const n of truth.sent.values()) {
    sentInExchange++;
    sendsDuplicated += n - 1;
  }
  let crmEmailsDuplicated = 0;
  let notSentInCrm = 0;
  for (const statuses of db.sends.values()) {
    crmEmailsDuplicated += statuses.length - 1;
    if (!statuses.includes('SENT')) notSentInCrm++;
  }
  return {
    messages: {
      expected: truth.messageIds.size,
      found,
      duplicated,
      missing: truth.messageIds.size - found,
      copiesExpected,
      copiesMissing,
      copiesWrong,
      copiesUnexpected,
    },
    sends: {
      requested: sendsRequested,
      sentInExchange,
      duplicated: sendsDuplicated + crmEmailsDuplicated,
      notSent: sendsRequested - sentInExchange,
      notMarkedSent: notSentInCrm + (sendsRequested - db.sends.size),
    },
  };
}

/** The whole run; resolves with the report whatever it found (a stack that will not start throws). */
export async function runChaos(emulator: EmulatorHandle, options: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  const random = seededRandom(options.seed);
  const log = options.log;
  const upns = Array.from({ length: options.mailboxes }, (_, i) => scaleUpn(i, options.mailboxes));
  const secretKey = randomBytes(32).toString('base64');
  const [postgres, redis] = await Promise.all([CrashablePostgres.start(), CrashableRedis.start()]);
  const stack: StackSettings = { databaseUrl: postgres.url, redisUrl: redis.url, secretKey };
  const processes: StackProcess[] = [];
  try {
    await emulator.control('POST', 'reset', {
      scenario: 'scale',
      mailboxes: options.mailboxes,
      messagesPerMailbox: options.messagesPerMailbox,
      seed: options.seed,
    });
    const seeded = await seedSalesOrganisation(postgres.url, emulator.url, secretKey, options);
    log(`seeded ${options.mailboxes} mailboxes; starting the API and ${options.workers} workers`);
    const api = await startApiProcess(stack);
    processes.push(api.process);
    const workerEnv = {
      PUBLIC_API_URL: api.url,
      SYNC_SWEEP_SECONDS: '1',
      DATABASE_POOL_SIZE: '10',
      WORKER_CONCURRENCY: '8',
      ...options.workerEnv,
    };
    const anonymous = new TestClient(api.url);
    const clients: TestClient[] = [];
    for (const upn of upns) clients.push(await anonymous.signIn(upn, SALES_PASSWORD));
    processes.push(
      ...(await Promise.all(Array.from({ length: options.workers }, () => startWorkerProcess(stack, workerEnv)))),
    );

    const targets: FaultTargets = {
      emulator,
      postgres,
      redis,
      random,
      log,
      async killWorker(pick) {
        const running = processes.filter((p) => p.role === 'worker' && isAlive(p));
        const victim = running[Math.floor(pick() * running.length)]!;
        victim.killedOnPurpose = true;
        victim.process.child.kill('SIGKILL');
        await victim.process.exited;
        processes.push(await startWorkerProcess(stack, workerEnv));
        return victim;
      },
    };

    // The workload, from the moment the workers are up (their sweep starts every first sync).
    const windows = SCHEDULE.reduce((sum, step) => sum + step.windows, 0);
    const faultsMs = windows * options.faultWindowMs;
    let faultsOver = false;
    let delivered = 0;
    const deliveries = (async () => {
      const gap = 1000 / options.deliveriesPerSecond;
      while (!faultsOver) {
        const to = upns[Math.floor(random() * upns.length)]!;
        const n = ++delivered;
        await emulator.control('POST', `mailboxes/${encodeURIComponent(to)}/deliver`, {
          from: { name: 'Fiona Fabrikam', address: `fiona${n % 7}@fabrikam.example` },
          to: [to],
          subject: `${LIVE_SUBJECT}${n}`,
          body: `<p>Live delivery ${n} during the chaos run.</p>`,
          internetMessageId: `<chaos-live-${n}@fabrikam.example>`,
        });
        await sleep(gap);
      }
    })();
    let sendRequestErrors = 0;
    let sendsAccepted = 0;
    /** A send still refused this long after the faults is given up on (and counted as not sent). */
    let giveUpAt = Number.POSITIVE_INFINITY;
    const sendErrors = new Map<string, number>();
    const sends = Array.from({ length: options.sends }, async (_, k) => {
      await sleep((k * faultsMs) / options.sends);
      const client = clients[k % clients.length]!;
      const regardingId = seeded.opportunityIds.get(upns[k % clients.length]!)!;
      for (;;) {
        const outcome = await client
          .request<{ sendEmail: { id: string } }>(
            'mutation Send($input: SendEmailInput!) { sendEmail(input: $input) { id } }',
            {
              input: {
                regardingId,
                to: [`buyer${k}@fabrikam.example`],
                subject: `${SEND_SUBJECT}${k + 1}`,
                body: `<p>Chaos send ${k + 1}: our proposal.</p>`,
              },
            },
          )
          .catch((error: Error) => ({
            data: null,
            errors: [{ message: error.message, extensions: { code: 'NETWORK' } }],
          }));
        if (outcome.data?.sendEmail) {
          sendsAccepted++;
          return;
        }
        if (Date.now() > giveUpAt) return;
        // As a person would: the send was refused, so try again in a moment.
        sendRequestErrors++;
        const code = outcome.errors?.[0]?.extensions?.code ?? 'NO_CODE';
        sendErrors.set(code, (sendErrors.get(code) ?? 0) + 1);
        if (sendRequestErrors <= 5) log(`send ${k + 1} refused (${code}): ${outcome.errors?.[0]?.message ?? ''}`);
        await sleep(2000);
      }
    });

    const faults: (FaultOutcome & { name: string })[] = [];
    for (const step of SCHEDULE) {
      const windowMs = step.windows * options.faultWindowMs;
      log(`fault: ${step.fault.name} (${(windowMs / 1000).toFixed(0)} s)`);
      const outcome = await step.fault.run(targets, windowMs);
      faults.push({ name: step.fault.name, ...outcome });
    }
    faultsOver = true;
    giveUpAt = Date.now() + 60_000;
    await deliveries;
    log('waiting for the last sends to be accepted');
    await Promise.all(sends);
    await emulator.control('DELETE', 'faults');
    log(`faults over after ${((Date.now() - started) / 1000).toFixed(0)} s; letting the system catch up`);

    // Converge: until every message and copy is in and every send is Sent, or the deadline.
    const settleDeadline = Date.now() + options.settleDeadlineMs;
    let result = compare(
      await groundTruth(emulator, upns),
      await stored(postgres.url, seeded.organisationId),
      seeded,
      options.sends,
    );
    while (Date.now() < settleDeadline) {
      const m = result.messages;
      const s = result.sends;
      if (m.missing + m.copiesMissing + m.copiesUnexpected + s.notSent + s.notMarkedSent === 0) break;
      await sleep(2000);
      result = compare(
        await groundTruth(emulator, upns),
        await stored(postgres.url, seeded.organisationId),
        seeded,
        options.sends,
      );
    }
    // A little longer: anything still running that would write twice gets the chance to.
    await sleep(3000);
    result = compare(
      await groundTruth(emulator, upns),
      await stored(postgres.url, seeded.organisationId),
      seeded,
      options.sends,
    );
    const state = await emulator.control<{
      throttling: {
        requests: number;
        throttled: number;
        perMailbox: { retryAfterViolations: number; concurrencyViolations: number }[];
        recentViolations: {
          at: string;
          mailbox: string;
          kind: string;
          request: string;
          sinceThrottleMs: number | null;
        }[];
      };
      notifications: Record<string, number>;
    }>('GET', 'state');
    const sum = (key: 'retryAfterViolations' | 'concurrencyViolations') =>
      state.throttling.perMailbox.reduce((total, c) => total + c[key], 0);
    const unplannedExits = processes.filter((p) => !p.killedOnPurpose && !isAlive(p));
    return {
      seconds: (Date.now() - started) / 1000,
      cores: availableParallelism(),
      mailboxes: options.mailboxes,
      workers: options.workers,
      faults,
      messages: result.messages,
      deliveries: delivered,
      sends: {
        ...result.sends,
        refused: options.sends - sendsAccepted,
        requestErrors: sendRequestErrors,
        requestErrorCodes: Object.fromEntries(sendErrors),
      },
      throttling: {
        requests: state.throttling.requests,
        throttled: state.throttling.throttled,
        concurrencyViolations: sum('concurrencyViolations'),
        retryAfterViolations: sum('retryAfterViolations'),
        recentViolations: state.throttling.recentViolations.map(
          (v) =>
            `${v.at} ${v.kind} ${v.mailbox} ${v.request.slice(0, 90)}${v.sinceThrottleMs === null ? '' : ` (${v.sinceThrottleMs} ms after the 429)`}`,
        ),
      },
      notifications: state.notifications,
      processes: {
        started: processes.length,
        killed: processes.filter((p) => p.killedOnPurpose).length,
        unplannedExits: unplannedExits.length,
        exitOutput: unplannedExits.map((p) => `${p.role}: ${p.process.output().slice(-1500)}`),
      },
      logged: loggedProblems(processes, 50).slice(0, 12),
    };
  } finally {
    await Promise.all(processes.filter(isAlive).map((p) => p.process.stop()));
    await Promise.all([redis.stop(), postgres.stop()]);
  }
}
