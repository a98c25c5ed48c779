import { createPubSub } from '@graphql-yoga/subscription';
import { Authorized, Field, ObjectType } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from './schema.ts';

// Declared in this test file only: vitest gives each file its own module registry, so the schema
// other tests build never sees this type.
@ObjectType('GuardedOnASimpleField', { simpleResolvers: true })
class GuardedOnASimpleField {
  @Authorized('SYSTEM_ADMINISTRATOR')
  @Field()
  secret!: string;
}

describe('simple resolvers', () => {
  it('refuse a role check on a plain field of a simple type instead of skipping it', async () => {
    expect(GuardedOnASimpleField).toBeDefined();
    await expect(createSchema(createPubSub())).rejects.toThrow(
      'GuardedOnASimpleField.secret has @Authorized or @UseMiddleware on a simple field',
    );
  });
});
