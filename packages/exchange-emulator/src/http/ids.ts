import { randomBytes } from 'node:crypto';

/**
 * Exchange-looking ids: a kind prefix, then base64url, then `=` — only `[A-Za-z0-9_=-]`, because
 * the Graph SDK does not percent-encode path segments.
 */
export const ID_PREFIX = {
  message: 'AAMkAGI',
  immutable: 'AAkALgA',
  folder: 'AQMkAGI',
  event: 'AAMkAGE',
  contact: 'AAMkAGM',
  contactFolder: 'AQMkAGM',
  todoList: 'AAMkAGQ',
  todoTask: 'AAMkAGT',
} as const;
export type IdKind = keyof typeof ID_PREFIX;

const WELL_FORMED = /^AA[A-Za-z0-9_-]{5}[A-Za-z0-9_-]{16,}=$/;
const PREFIXES = new Set<string>(Object.values(ID_PREFIX));

/** Generates ids from one random epoch and a counter: unique across resets, cheap to make. */
export class IdFactory {
  private readonly epoch = randomBytes(6);
  private counter = 0;

  next(kind: IdKind): string {
    const payload = Buffer.alloc(18);
    this.epoch.copy(payload, 0);
    const counter = ++this.counter;
    payload.writeUIntBE(counter, 6, 6);
    // Scrambled counter bits, so neighbouring ids do not differ only in one character.
    payload.writeUInt32BE(Math.imul(counter, 0x9e3779b1) >>> 0, 12);
    payload.writeUInt16BE((counter * 40503) & 0xffff, 16);
    return `${ID_PREFIX[kind]}${payload.toString('base64url')}=`;
  }
}

/** True for ids this emulator could have issued (of any kind); others answer ErrorInvalidIdMalformed. */
export function isWellFormedId(id: string): boolean {
  return WELL_FORMED.test(id) && PREFIXES.has(id.slice(0, 7));
}

export function randomToken(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}
