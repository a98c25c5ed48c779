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
    // A rule across variables (e.g. one needs another) says why the unset one is needed.
    if (value === undefined)
      return issue.code === 'custom' ? `${name} is not set: ${issue.message}` : `${name} is not set`;
    return `${name}=${JSON.stringify(withoutPassword(value))} is invalid: ${issue.message}`;
  });
  throw new ConfigError(`Configuration error: ${problems.join('; ')}`);
}

/** A URL's password is never repeated in an error line (the line ends up in logs). */
function withoutPassword(value: string): string {
  if (!URL.canParse(value)) return value;
  const url = new URL(value);
  if (!url.password) return value;
  url.password = '***';
  return url.href;
}
