import { z } from 'zod';

/**
 * The benchmarks' one configuration: where `npm run bench` keeps their data (set only in the
 * child process that trusts the emulator's CA), and the environment children inherit.
 */
const schema = z.object({
  MAILROOM_BENCH_DATA: z.string().min(1).optional(),
});

const parsed = schema.parse(process.env);

export const benchConfig = {
  /** Undefined in the launcher, which starts the child that trusts the CA. */
  dataDir: parsed.MAILROOM_BENCH_DATA,
  /** The environment a benchmark's child processes start from, with these values added. */
  childEnv: (extra: Record<string, string>): NodeJS.ProcessEnv => ({ ...process.env, ...extra }),
};
