import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
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
] as const;

/**
 * The GraphQL schema; `npm run schema -w @mailroom/api` writes it to apps/api/schema.graphql.
 * Subscriptions subscribe through the context's Redis-backed pub/sub; type-graphql still insists
 * on being given one.
 */
export function createSchema(pubSub: PubSub): Promise<GraphQLSchema> {
  return buildSchema({
    pubSub,
    resolvers: RESOLVERS,
    authChecker,
    authMode: 'error',
    validate: false,
  });
}
