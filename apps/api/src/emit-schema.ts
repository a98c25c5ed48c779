import { writeFileSync } from 'node:fs';
import { createPubSub } from '@graphql-yoga/subscription';
import { createSchema } from './schema.ts';
import { printCommittedSchema, SCHEMA_FILE } from './schema-file.ts';

writeFileSync(SCHEMA_FILE, printCommittedSchema(await createSchema(createPubSub())));
console.log(`Wrote ${SCHEMA_FILE}`);
