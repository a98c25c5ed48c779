import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from './page-info.type.ts';
import { SyncDecisionType } from './sync-decision.type.ts';

@ObjectType('Account', { simpleResolvers: true })
export class AccountType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  emailAddress: string | null;

  @Field(() => GraphQLDateTimeISO)
  createdAt: Date;

  ownerUserId: string | null;
}

@ObjectType('Contact', { simpleResolvers: true })
export class ContactType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  firstName: string;

  @Field(() => String)
  lastName: string;

  @Field(() => String, { nullable: true })
  emailAddress: string | null;

  @Field(() => String, { nullable: true })
  jobTitle: string | null;

  @Field(() => String, { nullable: true })
  businessPhone: string | null;

  @Field(() => String, { nullable: true })
  mobilePhone: string | null;

  @Field(() => String, { nullable: true, description: "The company on the contact's card." })
  companyName: string | null;

  @Field(() => SyncDecisionType, {
    nullable: true,
    description: "The last conflict the owner's contact sync settled on this contact.",
  })
  syncDecision: SyncDecisionType | null;

  @Field(() => GraphQLDateTimeISO)
  createdAt: Date;

  @Field(() => GraphQLDateTimeISO)
  updatedAt: Date;

  accountId: string | null;
  ownerUserId: string | null;
}

@ObjectType('Lead', { simpleResolvers: true })
export class LeadType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  firstName: string;

  @Field(() => String)
  lastName: string;

  @Field(() => String, { nullable: true })
  companyName: string | null;

  @Field(() => String, { nullable: true })
  emailAddress: string | null;

  @Field(() => GraphQLDateTimeISO)
  createdAt: Date;

  ownerUserId: string | null;
}

@ObjectType('Opportunity', { simpleResolvers: true })
export class OpportunityType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => GraphQLDateTimeISO)
  createdAt: Date;

  accountId: string | null;
  ownerUserId: string | null;
  estimatedValueMinor: string | null;
}

function connection<T>(node: new () => T, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field(() => String)
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class Connection {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return Connection;
}

export const AccountConnection = connection(AccountType, 'Account');
export const ContactConnection = connection(ContactType, 'Contact');
export const LeadConnection = connection(LeadType, 'Lead');
export const OpportunityConnection = connection(OpportunityType, 'Opportunity');

@InputType('CreateAccountInput')
export class CreateAccountInput {
  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  emailAddress?: string | null;
}

@InputType('CreateContactInput')
export class CreateContactInput {
  @Field(() => String)
  firstName: string;

  @Field(() => String)
  lastName: string;

  @Field(() => String, { nullable: true })
  emailAddress?: string | null;

  @Field(() => String, { nullable: true })
  jobTitle?: string | null;

  @Field(() => ID, { nullable: true })
  accountId?: string | null;

  @Field(() => String, { nullable: true })
  businessPhone?: string | null;

  @Field(() => String, { nullable: true })
  mobilePhone?: string | null;

  @Field(() => String, { nullable: true, description: "Defaults to the account's name." })
  companyName?: string | null;
}

@InputType('UpdateContactInput', { description: 'Only the fields given change; an empty text clears an optional one.' })
export class UpdateContactInput {
  @Field(() => String, { nullable: true })
  firstName?: string | null;

  @Field(() => String, { nullable: true })
  lastName?: string | null;

  @Field(() => String, { nullable: true })
  emailAddress?: string | null;

  @Field(() => String, { nullable: true })
  jobTitle?: string | null;

  @Field(() => String, { nullable: true })
  businessPhone?: string | null;

  @Field(() => String, { nullable: true })
  mobilePhone?: string | null;

  @Field(() => String, { nullable: true })
  companyName?: string | null;
}

@InputType('CreateLeadInput')
export class CreateLeadInput {
  @Field(() => String)
  firstName: string;

  @Field(() => String)
  lastName: string;

  @Field(() => String, { nullable: true })
  companyName?: string | null;

  @Field(() => String, { nullable: true })
  emailAddress?: string | null;
}

@InputType('CreateOpportunityInput')
export class CreateOpportunityInput {
  @Field(() => String)
  name: string;

  @Field(() => ID, { nullable: true })
  accountId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Contacts involved in the opportunity.' })
  contactIds?: string[] | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Estimated value in the organisation’s currency (e.g. 12500.50).',
  })
  estimatedValue?: number | null;
}
