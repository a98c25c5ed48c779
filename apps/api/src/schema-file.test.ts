import { readFileSync } from 'node:fs';
import { createPubSub } from '@graphql-yoga/subscription';
import { describe, expect, it } from 'vitest';
import { createSchema } from './schema.ts';
import { printCommittedSchema, SCHEMA_FILE } from './schema-file.ts';

describe('committed GraphQL schema', () => {
  it('is what the resolvers produce (run `npm run schema -w @mailroom/api` when this fails)', async () => {
    const current = printCommittedSchema(await createSchema(createPubSub()));
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(current);
  });

  it('has the operations CONTRACT.md fixes so far', async () => {
    const schema = await createSchema(createPubSub());
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(
      expect.arrayContaining(['me', 'mailboxes', 'mailbox', 'job']),
    );
    expect(Object.keys(schema.getMutationType()!.getFields())).toEqual(expect.arrayContaining(['signIn']));
    expect(Object.keys(schema.getSubscriptionType()!.getFields())).toEqual(
      expect.arrayContaining(['mailboxStatusChanged', 'jobProgress']),
    );
  });
});
