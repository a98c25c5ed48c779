import type { z } from 'zod';

/** A configuration value is missing or wrong; its message names the variable and the problem. */
export class ConfigError extends Error {}

/**
 * Validates the environment against an app's config schema. Empty variables count as unset (as
 * in `VAR= npm start`); on failure one line names every bad variable.
 */
export function parseConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    const value = cleaned[name];
    return value === undefined ? `${name} is not set` : `${name}=${JSON.stringify(value)} is invalid: ${issue.message}`;
  });
  throw new ConfigError(`Configuration error: ${problems.join('; ')}`);
}
