import { z } from 'zod';
import { graphFailure, GraphAdapterError } from './graph-errors.ts';

const httpsOrigin = z.string().transform((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'is not a URL' });
    return z.NEVER;
  }
  // The SDK attaches tokens and follows links only over https, and misreads any path
  // prefix as the API version (GRAPH-SUBSET.md §0), so only a bare https origin works.
  if (url.protocol !== 'https:') ctx.addIssue({ code: 'custom', message: 'must use https' });
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    ctx.addIssue({ code: 'custom', message: 'must be an origin without a path' });
  }
  return url.origin;
});

const profileSchema = z.object({
  graphBaseUrl: httpsOrigin,
  authorityUrl: httpsOrigin,
  tenantId: z.string().min(1),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  maxConcurrentRequestsPerMailbox: z.number().int().min(1).max(100).default(4),
});

/** The email server profile fields the adapter needs. */
export interface GraphProfile {
  /** Graph origin, e.g. `https://graph.microsoft.com` or `https://localhost:4100`. */
  graphBaseUrl: string;
  /** Token authority origin, e.g. `https://login.microsoftonline.com` or `https://localhost:4100`. */
  authorityUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Requests in flight per mailbox; Exchange Online allows 4. */
  maxConcurrentRequestsPerMailbox?: number;
}

export type ResolvedGraphProfile = z.output<typeof profileSchema>;

/** Validates a profile; a bad one is INVALID_REQUEST naming the field (never the secret's value). */
export function resolveProfile(profile: GraphProfile): ResolvedGraphProfile {
  const parsed = profileSchema.safeParse(profile);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ');
  throw new GraphAdapterError(graphFailure('INVALID_REQUEST', { status: null, code: null }), {
    detail: `invalid email server profile: ${issues}`,
  });
}
