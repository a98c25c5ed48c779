import type {
  AutoApprovalReason,
  EmailConfigurationStatus,
  JobItemOutcome,
  JobItemStatus,
  UnavailableReason,
} from '@mailroom/domain';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { JobType } from './job.type.ts';
import { PageInfo } from './page-info.type.ts';

export const EmailConfigurationStatusEnum = {
  NOT_CONNECTED: 'NOT_CONNECTED',
  NEEDS_EXCHANGE_SUBSCRIPTION: 'NEEDS_EXCHANGE_SUBSCRIPTION',
  READY: 'READY',
  CONFIGURED: 'CONFIGURED',
} as const satisfies { [K in EmailConfigurationStatus]: K };
registerEnumType(EmailConfigurationStatusEnum, { name: 'EmailConfigurationStatus' });

export const UnavailableReasonEnum = {
  NO_SALES_LICENSE: 'NO_SALES_LICENSE',
  NO_SUITABLE_ROLE: 'NO_SUITABLE_ROLE',
  FEATURE_TURNED_OFF: 'FEATURE_TURNED_OFF',
  CUSTOM_APP: 'CUSTOM_APP',
} as const satisfies { [K in UnavailableReason]: K };
registerEnumType(UnavailableReasonEnum, { name: 'UnavailableReason' });

export const AutoApprovalReasonEnum = {
  USER_DISABLED: 'USER_DISABLED',
  PRIMARY_EMAIL_NOT_UPN: 'PRIMARY_EMAIL_NOT_UPN',
  MISSING_SALES_PROFESSIONAL_ROLE: 'MISSING_SALES_PROFESSIONAL_ROLE',
  NO_SALES_LICENSE: 'NO_SALES_LICENSE',
  NO_EXCHANGE_LICENSE: 'NO_EXCHANGE_LICENSE',
} as const satisfies { [K in AutoApprovalReason]: K };
registerEnumType(AutoApprovalReasonEnum, {
  name: 'AutoApprovalReason',
  description: 'Why Configure email did not auto-approve a mailbox',
});

export const JobItemStatusEnum = {
  PENDING: 'PENDING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
  SKIPPED: 'SKIPPED',
} as const satisfies { [K in JobItemStatus]: K };
registerEnumType(JobItemStatusEnum, { name: 'JobItemStatus' });

@ObjectType('EmailConfiguration', { simpleResolvers: true })
export class EmailConfigurationType {
  @Field(() => EmailConfigurationStatusEnum)
  status: EmailConfigurationStatus;

  @Field(() => String, { description: 'What to do next.' })
  nextStep: string;

  @Field(() => String, { nullable: true })
  tenantId: string | null;

  @Field(() => String, { nullable: true })
  clientId: string | null;

  @Field(() => Boolean, { description: 'Whether a client secret is stored; the secret itself is never returned.' })
  clientSecretSet: boolean;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  configuredAt: Date | null;

  @Field(() => JobType, { nullable: true, description: 'The latest Configure email job.' })
  lastJob: JobType | null;
}

@InputType('ConnectTenantInput')
export class ConnectTenantInput {
  @Field(() => String, { description: 'Directory (tenant) id, or the tenant’s domain.' })
  tenantId: string;

  @Field(() => String, { description: 'Application (client) id of the app registration.' })
  clientId: string;

  @Field(() => String, { description: 'Client secret value; stored encrypted, never returned.' })
  clientSecret: string;
}

@ObjectType('Availability', { simpleResolvers: true })
export class AvailabilityType {
  @Field(() => Boolean)
  available: boolean;

  @Field(() => [UnavailableReasonEnum])
  reasons: UnavailableReason[];

  @Field(() => [String], { description: 'Each reason explained, in the same order.' })
  explanations: string[];
}

@ObjectType('JobItem', {
  simpleResolvers: true,
  description: 'One item of a bulk job: a mailbox and what happened to it.',
})
export class JobItemType {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'The mailbox this item is about.' })
  mailboxId: string;

  @Field(() => String, { nullable: true })
  emailAddress: string | null;

  @Field(() => JobItemStatusEnum)
  status: JobItemStatus;

  @Field(() => [AutoApprovalReasonEnum], { description: 'Why Configure email left the mailbox out, when it did.' })
  reasons: AutoApprovalReason[];

  @Field(() => String, {
    nullable: true,
    description:
      'What happened, as a code: NOT_ELIGIBLE (see reasons), ALREADY_ENABLED, MAILBOX_DELETED, GAVE_UP; none for a tested mailbox, whose alerts say more.',
  })
  outcome: JobItemOutcome | null;

  @Field(() => String, { nullable: true, description: 'What happened, in English.' })
  message: string | null;
}

@ObjectType('JobItemEdge', { simpleResolvers: true })
export class JobItemEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => JobItemType)
  node: JobItemType;
}

@ObjectType('JobItemConnection', { simpleResolvers: true })
export class JobItemConnection {
  @Field(() => [JobItemEdge])
  edges: JobItemEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
