import { z } from 'zod';

/**
 * The chaos run's one configuration: where `npm run chaos` keeps the emulator's CA (set only in the
 * child process that trusts it), and the environment child processes start from.
 */
const schema = z.object({
  MAILROOM_CHAOS_DATA: z.string().min(1).optional(),
});

const parsed = schema.parse(process.env);

export const chaosConfig = {
  /** Undefined in the launcher, which starts the child that trusts the CA. */
  dataDir: parsed.MAILROOM_CHAOS_DATA,
  /** The environment a child process starts from, with these values added. */
  childEnv: (extra: Record<string, string>): NodeJS.ProcessEnv => ({ ...process.env, ...extra }),
};
