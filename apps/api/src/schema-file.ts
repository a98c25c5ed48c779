import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

/** Where the committed schema lives; the web app's typed operations are generated from it. */
export const SCHEMA_FILE = fileURLToPath(new URL('../schema.graphql', import.meta.url));

export function printCommittedSchema(schema: GraphQLSchema): string {
  return `# Generated from the type-graphql resolvers by \`npm run schema -w @mailroom/api\`. Do not edit.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
