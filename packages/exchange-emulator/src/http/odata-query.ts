import type { IncomingHttpHeaders } from 'node:http';
import { errors } from './graph-error.ts';

/** `Prefer` header values, keys lower-cased: `odata.maxpagesize`, `idtype`, `outlook.body-content-type`, `outlook.timezone`. */
export function parsePrefer(headers: IncomingHttpHeaders): Map<string, string> {
  const raw = headers['prefer'];
  const prefs = new Map<string, string>();
  for (const part of (Array.isArray(raw) ? raw.join(',') : (raw ?? '')).split(',')) {
    const [key, ...rest] = part.split('=');
    const name = key?.trim().toLowerCase();
    if (!name) continue;
    prefs.set(
      name,
      rest
        .join('=')
        .trim()
        .replace(/^"(.*)"$/, '$1'),
    );
  }
  return prefs;
}

/** The page size asked for with `Prefer: odata.maxpagesize`, if valid. */
export function maxPageSize(prefs: Map<string, string>): number | undefined {
  const value = Number(prefs.get('odata.maxpagesize'));
  return Number.isInteger(value) && value > 0 ? Math.min(value, 1000) : undefined;
}

export function wantsImmutableIds(prefs: Map<string, string>): boolean {
  return prefs.get('idtype')?.toLowerCase() === 'immutableid';
}

/** `$top` as an integer 1..max (400 otherwise); undefined when absent. */
export function parseTop(query: URLSearchParams, max = 1000): number | undefined {
  const raw = query.get('$top');
  if (raw === null) return undefined;
  const top = Number(raw);
  if (!Number.isInteger(top) || top < 1 || top > max)
    throw errors.badRequest(`Invalid value '${raw}' for $top; it must be an integer from 1 to ${max}.`);
  return top;
}

export function parseSkip(query: URLSearchParams): number {
  const raw = query.get('$skip');
  if (raw === null) return 0;
  const skip = Number(raw);
  if (!Number.isInteger(skip) || skip < 0) throw errors.badRequest(`Invalid value '${raw}' for $skip.`);
  return skip;
}

/** `$select` as a list of property names, validated against the type's properties; undefined when absent. */
export function parseSelect(value: string | null, known: ReadonlySet<string>, type: string): string[] | undefined {
  if (value === null || value.trim() === '') return undefined;
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names) if (!known.has(name)) throw errors.unknownProperty(name, type);
  return names;
}

/** Keeps only the selected properties (plus id and annotations) of a rendered entity. */
export function project(entity: Record<string, unknown>, select: string[] | undefined): Record<string, unknown> {
  if (!select) return entity;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(entity)) if (key.startsWith('@odata.')) out[key] = entity[key];
  out['id'] = entity['id'];
  for (const name of select) if (name in entity) out[name] = entity[name];
  return out;
}

/** Splits `$expand` at top-level commas: `a($filter=x eq 'a,b'),b` → two entries. */
export function parseExpand(value: string | null): { name: string; options: string }[] {
  if (!value) return [];
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let current = '';
  for (const c of value) {
    if (c === "'") inString = !inString;
    if (!inString && c === '(') depth++;
    if (!inString && c === ')') depth--;
    if (!inString && depth === 0 && c === ',') {
      parts.push(current);
      current = '';
    } else current += c;
  }
  if (current) parts.push(current);
  return parts.map((part) => {
    const match = /^\s*([A-Za-z]+)\s*(?:\((.*)\))?\s*$/s.exec(part);
    if (!match) throw errors.badRequest(`Invalid $expand: ${value}`);
    return { name: match[1]!, options: match[2] ?? '' };
  });
}

/** The `$filter=` inside an `$expand=x($filter=...)` option list. */
export function expandFilter(options: string): string | undefined {
  const match = /\$filter=(.*)$/s.exec(options.trim());
  return match?.[1];
}
