// A schema-aware GraphQL fuzzer: every query and mutation, called many times by an administrator
// and a salesperson with arguments drawn from the schema's types — valid, odd and hostile (empty
// and over-long strings, NUL and lone surrogates, emoji, markup, huge numbers, impossible dates,
// long lists). Whatever comes in, the API answers with a status below 500, every error carries an
// `extensions.code`, none is an internal error, and the server keeps answering. The seed is fixed,
// so a failure reproduces.
import type { Organisation } from '@mailroom/domain';
import { newOrganisation, newUser } from '@mailroom/domain/testing';
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiHarness } from '../testing/api-harness.ts';
import type { TestClient } from '../testing/graphql-client.ts';
import { clientSchema, operationDocument } from '../testing/schema-calls.ts';

/** Rounds per operation: each hostile string at least once. */
const ROUNDS = 13;
/** Operations that end the caller's session or reach a real tenant are called with their own care. */
const SKIPPED = new Set(['signOut']);

/** mulberry32: the same seed, the same run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = [
  '',
  ' ',
  'x',
  'x'.repeat(10_000),
  'nul\u0000inside',
  'lone \ud800 surrogate',
  '😀'.repeat(500),
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  "'; DROP TABLE email; --",
  'Ünïcödé ﷽ ‮ reversed',
  'fiona@fabrikam.example',
  'a@b',
  '\n\t\r',
];
const IDS = ['', 'not-an-id', '00000000-0000-0000-0000-000000000000', 'x'.repeat(5_000), '1', '../../etc/passwd'];
const NUMBERS = [0, -1, 1, 2_147_483_647, -2_147_483_648, 1e9];
const FLOATS = [0, -1.5, 1e308, -1e308, 3.14159];
const DATES = [
  '2026-12-01T09:00:00.000Z',
  '0001-01-01T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '2026-02-30T00:00:00Z',
];

/**
 * Values for round `round` of an operation: every round puts the round's hostile string (id,
 * number, date…) in every field of that type, so each operation meets each of them; the seeded
 * random part varies the rest (optional fields, nulls, list lengths).
 */
function generator(seed: number) {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const value = (type: GraphQLInputType, round: number, depth = 0): unknown => {
    if (isNonNullType(type)) return value(type.ofType, round, depth);
    // Optional arguments are sometimes null.
    if (random() < 0.1) return null;
    if (isListType(type)) {
      const length = pick([1, 1, 3, 200]);
      return Array.from({ length }, () => value(type.ofType, round, depth + 1));
    }
    if (isEnumType(type)) return pick(type.getValues()).value;
    if (isInputObjectType(type)) {
      return Object.fromEntries(
        Object.values(type.getFields())
          .filter((field) => isNonNullType(field.type) || random() < 0.7)
          .map((field) => [field.name, depth > 3 ? null : value(field.type, round, depth + 1)]),
      );
    }
    if (isScalarType(type)) {
      const at = <T>(list: readonly T[]): T => list[round % list.length]!;
      switch (type.name) {
        case 'ID':
          return at(IDS);
        case 'Int':
          return at(NUMBERS);
        case 'Float':
          return at(FLOATS);
        case 'Boolean':
          return round % 2 === 0;
        case 'DateTimeISO':
          return at(DATES);
        default:
          return at(STRINGS);
      }
    }
    throw new Error(`no value for ${String(type)}`);
  };
  return value;
}

let api: ApiHarness;
let schema: GraphQLSchema;
let organisation: Organisation;
const callers: [string, TestClient][] = [];

beforeAll(async () => {
  api = await startApi();
  organisation = await newOrganisation(api.server.dataSource);
  for (const [name, roles] of [
    ['administrator', ['SYSTEM_ADMINISTRATOR', 'SALES_PROFESSIONAL']],
    ['salesperson', ['SALES_PROFESSIONAL']],
  ] as const) {
    const user = await newUser(api.server.dataSource, organisation, { roles: [...roles], password: 'pw' });
    callers.push([name, await api.client.signIn(user.primaryEmail, 'pw')]);
  }
  schema = await clientSchema(api.client);
}, 60_000);

afterAll(() => api?.stop());

describe('the GraphQL fuzzer', () => {
  it('gets a coded, non-internal answer below 500 for every call, and the server keeps answering', async () => {
    const value = generator(20261127);
    const failures: string[] = [];
    let calls = 0;
    for (const [kind, root] of [
      ['query', schema.getQueryType()!],
      ['mutation', schema.getMutationType()!],
    ] as const) {
      for (const field of Object.values(root.getFields())) {
        if (SKIPPED.has(field.name)) continue;
        const document = operationDocument(kind, field);
        for (let round = 0; round < ROUNDS; round++) {
          const variables = Object.fromEntries(
            field.args
              .filter((a) => isNonNullType(a.type) || round % 3 !== 2)
              .map((a) => [a.name, value(a.type, round)]),
          );
          for (const [who, client] of callers) {
            calls += 1;
            const response = await fetch(`${api.baseUrl}/graphql`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${(client as unknown as { token: string }).token}`,
              },
              body: JSON.stringify({ query: document, variables }),
            });
            const text = await response.text();
            let body: { errors?: { message: string; extensions?: { code?: string } }[] };
            try {
              body = JSON.parse(text);
            } catch {
              failures.push(`${field.name} as ${who}: ${response.status}, not JSON: ${text.slice(0, 200)}`);
              continue;
            }
            const bad = (body.errors ?? []).filter(
              (e) => !e.extensions?.code || e.extensions.code === 'INTERNAL_SERVER_ERROR',
            );
            if (response.status >= 500 || bad.length > 0) {
              failures.push(
                `${field.name} as ${who} (${response.status}): ${JSON.stringify(bad[0] ?? body).slice(0, 300)}` +
                  ` with ${JSON.stringify(variables).slice(0, 300)}`,
              );
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(500);
    // Still up and answering.
    expect((await callers[1]![1].request('{ me { id } }')).errors).toBeUndefined();
  }, 240_000);
});
