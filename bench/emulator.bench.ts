// Exchange emulator throughput, so later benchmarks know it is not their bottleneck: delta pages
// served per second and messages per second paged by the Graph adapter, for the scale scenario
// (1 mailbox × 10,000 messages; 1,000 mailboxes × 100), with the emulator process's CPU time.
// Reference: the same delta round with plain fetch (no SDK, no adapter) in the same run.
import { createGraphAdapter } from '@mailroom/graph-adapter';
import { DEMO_TENANT } from '@mailroom/exchange-emulator';
import { cpuSeconds, startBenchEmulator } from './bench-stack.ts';
import { median, type Bench, type BenchRow } from './bench-table.ts';

type Emulator = Awaited<ReturnType<typeof startBenchEmulator>>;

const profile = (url: string) => ({
  graphBaseUrl: url,
  authorityUrl: url,
  tenantId: DEMO_TENANT.tenantId,
  clientId: DEMO_TENANT.clientId,
  clientSecret: DEMO_TENANT.clientSecret,
});

/** Pages one folder to its deltaLink with the adapter; returns [messages, pages]. */
async function adapterRound(adapter: ReturnType<typeof createGraphAdapter>, upn: string, pageSize: number) {
  let messages = 0;
  let pages = 0;
  for await (const page of adapter.messageDelta(upn, 'inbox', { pageSize })) {
    messages += page.items.length;
    pages++;
  }
  return [messages, pages] as const;
}

/** The same round with plain fetch: token once, then follow nextLinks. */
async function rawRound(emulator: Emulator, upn: string, pageSize: number) {
  const tokenResponse = await fetch(`${emulator.url}/${DEMO_TENANT.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      client_id: DEMO_TENANT.clientId,
      client_secret: DEMO_TENANT.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
      grant_type: 'client_credentials',
    }),
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  let next: string | undefined = `${emulator.url}/v1.0/users/${upn}/mailFolders/inbox/messages/delta`;
  let messages = 0;
  let pages = 0;
  while (next) {
    const response = await fetch(next, {
      headers: { authorization: `Bearer ${token}`, prefer: `odata.maxpagesize=${pageSize}, IdType="ImmutableId"` },
    });
    const body = (await response.json()) as { value: unknown[]; '@odata.nextLink'?: string };
    messages += body.value.length;
    pages++;
    next = body['@odata.nextLink'];
  }
  return [messages, pages] as const;
}

async function timed<T>(emulator: Emulator, work: () => Promise<T>) {
  const cpuBefore = cpuSeconds(emulator.pid);
  const started = performance.now();
  const result = await work();
  return { result, seconds: (performance.now() - started) / 1000, emulatorCpu: cpuSeconds(emulator.pid) - cpuBefore };
}

export const emulatorBench: Bench = {
  name: 'emulator',
  async run(): Promise<BenchRow[]> {
    const emulator = await startBenchEmulator();
    try {
      const rows: BenchRow[] = [];
      // One mailbox, 10,000 messages, pages of 100.
      await emulator.reset(1, 10_000);
      const upn = 'user1@contoso.example';
      const adapter = createGraphAdapter(profile(emulator.url));
      await adapterRound(adapter, upn, 100); // warm-up: JIT, token, sync state
      const adapterRuns = [];
      const rawRuns = [];
      for (let i = 0; i < 3; i++) {
        adapterRuns.push(await timed(emulator, () => adapterRound(adapter, upn, 100)));
        rawRuns.push(await timed(emulator, () => rawRound(emulator, upn, 100)));
      }
      const [messages, pages] = adapterRuns[0]!.result;
      if (messages === 0 || rawRuns[0]!.result[0] !== messages)
        throw new Error(`adapter paged ${messages}, fetch ${rawRuns[0]!.result[0]}`);
      const adapterSeconds = median(adapterRuns.map((r) => r.seconds));
      const rawSeconds = median(rawRuns.map((r) => r.seconds));
      rows.push({
        figure: `delta, 1 mailbox × 10,000 (inbox: ${messages}): messages/s via adapter`,
        value: messages / adapterSeconds,
        unit: 'msg/s',
        target: 'informative (≥ 2,000 msg/s)',
        pass: messages / adapterSeconds >= 2000,
        reference: { label: 'plain fetch', value: messages / rawSeconds },
        note: `${pages} pages; emulator CPU ${median(adapterRuns.map((r) => r.emulatorCpu)).toFixed(2)} s per round of ${adapterSeconds.toFixed(2)} s wall`,
      });
      rows.push({
        figure: 'delta pages/s served (pages of 100)',
        value: pages / adapterSeconds,
        unit: 'pages/s',
        target: 'informative',
        pass: null,
        reference: { label: 'plain fetch', value: pages / rawSeconds },
      });

      // 1,000 mailboxes × 100 messages, 16 mailboxes at a time.
      await emulator.reset(1000, 100);
      const many = createGraphAdapter(profile(emulator.url));
      const upns = Array.from({ length: 1000 }, (_, i) => `user${String(i + 1).padStart(4, '0')}@contoso.example`);
      const run = await timed(emulator, async () => {
        let total = 0;
        let index = 0;
        await Promise.all(
          Array.from({ length: 16 }, async () => {
            while (index < upns.length) {
              const [count] = await adapterRound(many, upns[index++]!, 100);
              total += count;
            }
          }),
        );
        return total;
      });
      if (run.result === 0) throw new Error('paged no messages');
      rows.push({
        figure: 'delta, 1,000 mailboxes × 100: messages/s via adapter (16 at once)',
        value: run.result / run.seconds,
        unit: 'msg/s',
        target: 'informative (≥ 2,000 msg/s)',
        pass: run.result / run.seconds >= 2000,
        note: `${run.result} inbox messages; emulator CPU ${run.emulatorCpu.toFixed(2)} s over ${run.seconds.toFixed(2)} s wall`,
      });
      return rows;
    } finally {
      await emulator.stop();
    }
  },
};
