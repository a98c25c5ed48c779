import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('ApiKey', {
  simpleResolvers: true,
  description: 'A key an integration calls the API with, acting as the user who created it.',
})
export class ApiKeyType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'The first characters of the key, to tell keys apart.' })
  prefix: string;

  @Field(() => GraphQLDateTimeISO)
  createdAt: Date;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  revokedAt: Date | null;
}

@ObjectType('CreatedApiKey', { simpleResolvers: true })
export class CreatedApiKeyType {
  @Field(() => ApiKeyType)
  apiKey: ApiKeyType;

  @Field(() => String, {
    description: 'The key itself (`Authorization: Bearer <secret>`). Shown this once: only its hash is kept.',
  })
  secret: string;
}
