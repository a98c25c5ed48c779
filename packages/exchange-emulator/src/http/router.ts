/** A path pattern such as `users/:user/mailFolders/:folder/messages/delta`. */
interface Compiled<R> {
  method: string;
  segments: string[];
  route: R;
}

export interface Match<R> {
  route: R;
  params: Record<string, string>;
}

/**
 * Splits a request path into decoded segments, turning OData key syntax into plain segments:
 * `users('a@b')/mailFolders('inbox')` → `users`, `a@b`, `mailFolders`, `inbox`.
 */
export function pathSegments(path: string): string[] {
  const out: string[] = [];
  for (const raw of path.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      segment = raw;
    }
    const key = /^([A-Za-z]+)\('(.*)'\)$/s.exec(segment) ?? /^([A-Za-z]+)\(([^']*)\)$/.exec(segment);
    if (key) out.push(key[1]!, key[2]!.replaceAll("''", "'"));
    else out.push(segment);
  }
  return out;
}

/** Method + segment matching; literal segments match case-insensitively, as Graph's do. */
export class Router<R> {
  private readonly routes: Compiled<R>[] = [];

  add(method: string, pattern: string, route: R): void {
    this.routes.push({
      method,
      segments: pattern
        .split('/')
        .filter(Boolean)
        .map((s) => (s.startsWith(':') ? s : s.toLowerCase())),
      route,
    });
  }

  match(method: string, segments: string[]): Match<R> | 'method-not-allowed' | undefined {
    let pathMatched = false;
    for (const compiled of this.routes) {
      if (compiled.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < segments.length; i++) {
        const pattern = compiled.segments[i]!;
        const actual = segments[i]!;
        if (pattern.startsWith(':')) params[pattern.slice(1)] = actual;
        else if (pattern !== actual.toLowerCase()) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      pathMatched = true;
      if (compiled.method === method) return { route: compiled.route, params };
    }
    return pathMatched ? 'method-not-allowed' : undefined;
  }
}
