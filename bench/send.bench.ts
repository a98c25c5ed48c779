// 1,000 emails queued through the API (`sendEmail`, as 50 salespeople from their opportunities)
// until every one is Sent: wall time from the first call, duplicates in Exchange, and whether any
// mailbox sent more than Exchange's 30 messages a minute. The target is the limit itself: 20 per
// mailbox fit in one minute. Reference in the same run: the same number of sendMail calls straight
// through the Graph adapter (no API, queue or database), 20 at a time.
import { randomBytes } from 'node:crypto';
import { DEMO_TENANT } from '@mailroom/exchange-emulator';
import { createGraphAdapter } from '@mailroom/graph-adapter';
import pg from 'pg';
import { TestClient } from '../apps/api/src/testing/graphql-client.ts';
import { CrashablePostgres, CrashableRedis, startApiProcess, startWorkerProcess } from '../chaos/chaos-stack.ts';
import { SALES_PASSWORD, seedSalesOrganisation } from '../chaos/sales-organisation.ts';
import { scaleUpn } from './bench-seed.ts';
import { startBenchEmulator } from './bench-stack.ts';
import { median, type Bench, type BenchRow } from './bench-table.ts';

const MAILBOXES = 50;
const EMAILS = 1_000;
const SUBJECT = 'Bench send #';
const WARM_UP_SUBJECT = 'Bench warm-up #';
/** Rounds measured (each on its own mailboxes, so none waits on another's sending limit); the figure is their median. */
const ROUNDS = 3;
/** Exchange Online's sending limit per mailbox. */
const PER_MINUTE = 30;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Most messages one mailbox sent within any 60 s, from the Sent Items copies' send times. */
function busiestMinute(sentAt: number[]): number {
  const sorted = [...sentAt].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= 60_000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

async function adapterAlone(emulatorUrl: string, total: number): Promise<number> {
  const adapter = createGraphAdapter({ graphBaseUrl: emulatorUrl, authorityUrl: emulatorUrl, ...DEMO_TENANT });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < EMAILS) {
        const k = next++;
        await adapter.sendMail(
          scaleUpn(k % MAILBOXES, total),
          {
            subject: `Reference send ${k}`,
            body: { contentType: 'html', content: '<p>Reference</p>' },
            toRecipients: [{ emailAddress: { address: `ref${k}@fabrikam.example` } }],
          },
          `ref-${k}`,
        );
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

export const sendBench: Bench = {
  name: 'send',
  async run(): Promise<BenchRow[]> {
    const [postgres, redis, emulator] = await Promise.all([
      CrashablePostgres.start(),
      CrashableRedis.start(),
      startBenchEmulator(),
    ]);
    const secretKey = randomBytes(32).toString('base64');
    const stack = { databaseUrl: postgres.url, redisUrl: redis.url, secretKey };
    const processes: Awaited<ReturnType<typeof startWorkerProcess>>[] = [];
    const db = new pg.Client({ connectionString: postgres.url });
    const total = MAILBOXES * ROUNDS;
    try {
      await emulator.reset(total, 0);
      const seeded = await seedSalesOrganisation(postgres.url, emulator.url, secretKey, {
        mailboxes: total,
        pollIntervalSeconds: 60,
      });
      const api = await startApiProcess(stack);
      processes.push(api.process);
      processes.push(...(await Promise.all([0, 1].map(() => startWorkerProcess(stack, { PUBLIC_API_URL: api.url })))));
      const upns = Array.from({ length: total }, (_, i) => scaleUpn(i, total));
      const anonymous = new TestClient(api.url);
      const clients = await Promise.all(upns.map((upn) => anonymous.signIn(upn, SALES_PASSWORD)));
      await db.connect();

      /** Queues `count` sends from the mailboxes `first`… (round-robin), 20 calls at a time; resolves when all are Sent. */
      const sendAll = async (subject: string, first: number, count: number) => {
        const started = performance.now();
        let next = 0;
        let refused = 0;
        await Promise.all(
          Array.from({ length: 20 }, async () => {
            while (next < count) {
              const k = next++;
              const m = first + (k % MAILBOXES);
              const result = await clients[m]!.request(
                'mutation Send($input: SendEmailInput!) { sendEmail(input: $input) { id } }',
                {
                  input: {
                    regardingId: seeded.opportunityIds.get(upns[m]!),
                    to: [`buyer${k}@fabrikam.example`],
                    subject: `${subject}${k + 1}`,
                    body: `<p>Bench send ${k + 1}: our proposal.</p>`,
                  },
                },
              );
              if (result.errors) refused++;
            }
          }),
        );
        const queuedSeconds = (performance.now() - started) / 1000;
        const deadline = performance.now() + 10 * 60_000;
        let statuses: Record<string, number> = {};
        while (performance.now() < deadline) {
          const rows = await db.query<{ status: string; n: number }>(
            `SELECT status, count(*)::int AS n FROM email WHERE "organisationId" = $1 AND subject LIKE $2 GROUP BY 1`,
            [seeded.organisationId, `${subject}%`],
          );
          statuses = Object.fromEntries(rows.rows.map((r) => [r.status, r.n]));
          if ((statuses.SENT ?? 0) + (statuses.FAILED ?? 0) >= count - refused) break;
          await sleep(250);
        }
        return { seconds: (performance.now() - started) / 1000, queuedSeconds, refused, statuses };
      };

      // Warm-up: one send per mailbox of the first round (20 more each stay within 30 a minute).
      await sendAll(WARM_UP_SUBJECT, 0, MAILBOXES);
      const rounds = [];
      for (let r = 0; r < ROUNDS; r++) rounds.push(await sendAll(`${SUBJECT}${r + 1}.`, r * MAILBOXES, EMAILS));

      // Exchange's side: each mailbox's Sent Items.
      const perSubject = new Map<string, number>();
      let worstMinute = 0;
      for (const upn of upns) {
        const { messages } = (await emulator.control(`/mailboxes/${encodeURIComponent(upn)}/messages`, 'GET')) as {
          messages: { folder: string; subject: string; sentDateTime?: string }[];
        };
        const sent = messages.filter(
          (m) => m.folder === 'sentitems' && (m.subject.startsWith(SUBJECT) || m.subject.startsWith(WARM_UP_SUBJECT)),
        );
        for (const m of sent) perSubject.set(m.subject, (perSubject.get(m.subject) ?? 0) + 1);
        worstMinute = Math.max(worstMinute, busiestMinute(sent.map((m) => Date.parse(m.sentDateTime ?? ''))));
      }
      const duplicates = [...perSubject.values()].reduce((sum, n) => sum + n - 1, 0);
      const state = (await emulator.control('/state', 'GET')) as { throttling: { violations: number } };
      await Promise.all(processes.splice(0).map((p) => p.process.stop()));

      const referenceSeconds = await adapterAlone(emulator.url, total);
      const perMailbox = EMAILS / MAILBOXES;
      const bound = Math.ceil(perMailbox / PER_MINUTE) * 60;
      const seconds = median(rounds.map((r) => r.seconds));
      const allSent =
        rounds.every((r) => r.statuses.SENT === EMAILS) && perSubject.size === EMAILS * ROUNDS + MAILBOXES;
      return [
        {
          figure: `${EMAILS.toLocaleString('en-US')} queued sends across ${MAILBOXES} mailboxes: time to all Sent`,
          value: seconds,
          unit: 's',
          target: `≤ ${bound} s (${perMailbox} per mailbox at ${PER_MINUTE}/min)`,
          pass: allSent && Math.max(...rounds.map((r) => r.seconds)) <= bound && worstMinute <= PER_MINUTE,
          reference: { label: 'sendMail through the adapter alone', value: referenceSeconds },
          note:
            `median of ${ROUNDS} rounds, each on ${MAILBOXES} other mailboxes, after a warm-up of one send per mailbox: ` +
            rounds
              .map(
                (r) =>
                  `${r.seconds.toFixed(1)} s (queued through the API in ${r.queuedSeconds.toFixed(1)} s, ${r.refused} refused, CRM statuses ${JSON.stringify(r.statuses)})`,
              )
              .join('; ') +
            `; ${perSubject.size.toLocaleString('en-US')} distinct in Sent Items; busiest mailbox minute ${worstMinute} (limit ${PER_MINUTE});` +
            ` ${state.throttling.violations} throttling violations`,
        },
        {
          figure: 'queued sends: duplicates in Exchange',
          value: duplicates,
          unit: '',
          target: '0',
          pass: duplicates === 0,
          note: `over the ${ROUNDS} rounds and the warm-up (${(EMAILS * ROUNDS + MAILBOXES).toLocaleString('en-US')} sends)`,
        },
      ];
    } finally {
      await db.end().catch(() => undefined);
      await Promise.all(processes.map((p) => p.process.stop()));
      await emulator.stop();
      await Promise.all([redis.stop(), postgres.stop()]);
    }
  },
};
