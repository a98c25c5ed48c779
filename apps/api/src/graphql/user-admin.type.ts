import type { SalesLicense, SecurityRoleName } from '@mailroom/domain';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { SalesLicenseEnum, SecurityRoleNameEnum } from './enums.ts';
import { PageInfo } from './page-info.type.ts';
import { UserType } from './user.type.ts';

@ObjectType('UserEdge', { simpleResolvers: true })
export class UserEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => UserType)
  node: UserType;
}

@ObjectType('UserConnection', { simpleResolvers: true })
export class UserConnection {
  @Field(() => [UserEdge])
  edges: UserEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}

@InputType('UpdateUserInput')
export class UpdateUserInput {
  @Field(() => ID)
  userId: string;

  @Field(() => [SecurityRoleNameEnum], {
    nullable: true,
    description: 'The full set of standard roles the user should hold.',
  })
  roles?: SecurityRoleName[] | null;

  @Field(() => SalesLicenseEnum, { nullable: true })
  salesLicense?: SalesLicense | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The user’s manager (managers see their team’s mailboxes); null removes it.',
  })
  managerId?: string | null;
}

@ObjectType('EmailServerProfile', { simpleResolvers: true })
export class EmailServerProfileType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'EXCHANGE_ONLINE' })
  serverType: string;

  @Field(() => String)
  graphEndpoint: string;

  @Field(() => String)
  authorityUrl: string;

  @Field(() => String, { nullable: true })
  tenantId: string | null;

  @Field(() => String, { nullable: true })
  clientId: string | null;

  clientSecretEncrypted: string | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  processEmailReceivedAfter: Date | null;

  @Field(() => Int)
  minPollingIntervalSeconds: number;

  @Field(() => Int, { description: 'Exchange Online allows 4.' })
  maxConcurrentRequestsPerMailbox: number;

  @Field(() => Boolean)
  moveFailedToUndeliverable: boolean;

  @Field(() => Boolean)
  isDefault: boolean;
}

@InputType('UpdateEmailServerProfileInput')
export class UpdateEmailServerProfileInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'https origin of Microsoft Graph (sovereign clouds, the emulator).',
  })
  graphEndpoint?: string | null;

  @Field(() => String, { nullable: true })
  authorityUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Replaces the stored client secret; write-only.' })
  clientSecret?: string | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  processEmailReceivedAfter?: Date | null;

  @Field(() => Int, { nullable: true })
  minPollingIntervalSeconds?: number | null;

  @Field(() => Int, { nullable: true })
  maxConcurrentRequestsPerMailbox?: number | null;

  @Field(() => Boolean, { nullable: true })
  moveFailedToUndeliverable?: boolean | null;
}
