import { randomUUID } from 'node:crypto';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import type { TestClient } from './graphql-client.ts';

/** The API's schema as a client sees it (introspection). */
export async function clientSchema(client: TestClient): Promise<GraphQLSchema> {
  const introspection = await client.request<IntrospectionQuery>(getIntrospectionQuery());
  return buildClientSchema(introspection.data!);
}

/**
 * A plain value of an input type: a random id, a one-letter string, the first enum value, an
 * input object with its required fields; enough for a call to get past parsing.
 */
export function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, sampleValue(field.type)]),
    );
  }
  if (isScalarType(type)) {
    if (type.name === 'ID') return randomUUID();
    if (type.name === 'Int' || type.name === 'Float') return 1;
    if (type.name === 'Boolean') return false;
    if (type.name === 'DateTimeISO') return '2026-12-01T09:00:00.000Z';
    return 'x';
  }
  throw new Error(`no sample for ${String(type)}`);
}

/** The document calling one root field with all its arguments as variables (`{ __typename }` for objects). */
export function operationDocument(
  kind: 'query' | 'mutation' | 'subscription',
  field: GraphQLField<unknown, unknown>,
): string {
  const declared = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(field.type);
  const selection = isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
  return `${kind} Op${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
}
