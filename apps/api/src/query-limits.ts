import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  GraphQLError,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * What one operation may ask for: the console's deepest query nests 8 levels and its timeline
 * query costs about 8,600 (graphql-armor's static cost: 2 per object, 1 per scalar, ×1.5 per
 * level); a query past these limits is refused before it runs (GRAPHQL_VALIDATION_FAILED, saying
 * which limit).
 */
export const QUERY_LIMITS = { depth: 12, aliases: 15, cost: 20_000 } as const;

// A refused operation is reported as a validation error (the rules would otherwise throw it,
// which reaches clients as an internal error).
const reported = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

export const queryLimitRules: ValidationRule[] = [
  maxDepthRule({ n: QUERY_LIMITS.depth, ignoreIntrospection: true, flattenFragments: true, ...reported }),
  maxAliasesRule({ n: QUERY_LIMITS.aliases, ...reported }),
  costLimitRule({ maxCost: QUERY_LIMITS.cost, ignoreIntrospection: true, ...reported }),
];

/** Validation for the websocket (graphql-ws), with the same rules and error code as over HTTP. */
export function validateWithLimits(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[] {
  return validate(schema, document, [...specifiedRules, ...queryLimitRules]).map(
    (error) =>
      new GraphQLError(error.message, {
        nodes: error.nodes ?? null,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
  );
}
