import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage, type PubSub } from 'type-graphql';
import { authChecker } from './auth-checker.ts';
import { ApiKeyResolver } from './graphql/api-key.resolver.ts';
import { AuthResolver } from './graphql/auth.resolver.ts';
import { ContactResolver, CrmRecordResolver, OpportunityResolver } from './graphql/crm-record.resolver.ts';
import { EmailConfigurationResolver, JobItemsResolver } from './graphql/email-configuration.resolver.ts';
import { EmailResolver, FolderTrackingRuleResolver } from './graphql/email.resolver.ts';
import { NotificationResolver } from './graphql/notification.resolver.ts';
import { EmailServerProfileResolver, UserAdminResolver } from './graphql/user-admin.resolver.ts';
import { JobResolver } from './graphql/job.resolver.ts';
import { MailboxResolver } from './graphql/mailbox.resolver.ts';
import { AppointmentResolver } from './graphql/appointment.resolver.ts';
import { TaskResolver } from './graphql/task.resolver.ts';
import { SyncHealthResolver } from './graphql/sync-health.resolver.ts';
import { UserResolver } from './graphql/user.resolver.ts';

export const RESOLVERS = [
  AuthResolver,
  ApiKeyResolver,
  UserResolver,
  MailboxResolver,
  JobResolver,
  JobItemsResolver,
  EmailConfigurationResolver,
  NotificationResolver,
  UserAdminResolver,
  EmailServerProfileResolver,
  CrmRecordResolver,
  OpportunityResolver,
  ContactResolver,
  EmailResolver,
  TaskResolver,
  AppointmentResolver,
  FolderTrackingRuleResolver,
  SyncHealthResolver,
] as const;

/**
 * The GraphQL schema; `npm run schema -w @mailroom/api` writes it to apps/api/schema.graphql.
 * Subscriptions subscribe through the context's Redis-backed pub/sub; type-graphql still insists
 * on being given one.
 */
export async function createSchema(pubSub: PubSub): Promise<GraphQLSchema> {
  assertSimpleFieldsUnguarded();
  return buildSchema({
    pubSub,
    resolvers: RESOLVERS,
    authChecker,
    authMode: 'error',
    validate: false,
  });
}

/**
 * Object types declare `simpleResolvers: true`: their plain fields use GraphQL's default resolver
 * instead of type-graphql's per-field middleware chain (a 50-email timeline page resolves some
 * 3,000 of them). That would also skip an `@Authorized` or `@UseMiddleware` put on such a field, so
 * one is refused here rather than silently not enforced: guard a field with a `@FieldResolver`.
 */
function assertSimpleFieldsUnguarded(): void {
  const storage = getMetadataStorage();
  const simple = new Set(storage.objectTypes.filter((type) => type.simpleResolvers).map((type) => type.target));
  const fieldResolvers = new Set(storage.fieldResolvers.map((r) => `${r.getObjectType?.()?.name}.${r.methodName}`));
  for (const guarded of [...storage.authorizedFields, ...storage.middlewares]) {
    const field = `${guarded.target.name}.${guarded.fieldName}`;
    if (simple.has(guarded.target) && !fieldResolvers.has(field)) {
      throw new Error(`${field} has @Authorized or @UseMiddleware on a simple field; give it a @FieldResolver`);
    }
  }
}
