import type { Account, Contact, Lead, Opportunity } from '@mailroom/domain';
import { Arg, Authorized, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requirePrincipal } from '../auth-checker.ts';
import type { ApiContext } from '../context.ts';
import { toConnection } from './connection.ts';
import {
  AccountConnection,
  AccountType,
  ContactConnection,
  ContactType,
  CreateAccountInput,
  CreateContactInput,
  CreateLeadInput,
  CreateOpportunityInput,
  LeadConnection,
  LeadType,
  OpportunityConnection,
  OpportunityType,
  UpdateContactInput,
} from './crm-record.type.ts';
import { UserType } from './user.type.ts';

const first = () => Int;
const pageArgs = { nullable: true, defaultValue: 50 } as const;

@Resolver()
export class CrmRecordResolver {
  @Authorized()
  @Query(() => AccountConnection, { description: 'Accounts the caller may see, newest first.' })
  async accounts(
    @Arg('first', first, pageArgs) count: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: ApiContext,
  ) {
    return toConnection(await context.services.crm.accounts(requirePrincipal(context), count, after));
  }

  @Authorized()
  @Query(() => ContactConnection, { description: 'Contacts the caller may see, newest first.' })
  async contacts(
    @Arg('first', first, pageArgs) count: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: ApiContext,
  ) {
    return toConnection(await context.services.crm.contacts(requirePrincipal(context), count, after));
  }

  @Authorized()
  @Query(() => LeadConnection, { description: 'Leads the caller may see, newest first.' })
  async leads(
    @Arg('first', first, pageArgs) count: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: ApiContext,
  ) {
    return toConnection(await context.services.crm.leads(requirePrincipal(context), count, after));
  }

  @Authorized()
  @Query(() => OpportunityConnection, {
    description: 'Opportunities the caller may see (their own, their team’s, or all for administrators).',
  })
  async opportunities(
    @Arg('first', first, pageArgs) count: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: ApiContext,
  ) {
    return toConnection(await context.services.crm.opportunities(requirePrincipal(context), count, after));
  }

  @Authorized()
  @Query(() => AccountType, { nullable: true, description: 'One account, if the caller may see it.' })
  account(@Arg('id', () => ID) id: string, @Ctx() context: ApiContext): Promise<Account | null> {
    return context.services.crm.account(requirePrincipal(context), id);
  }

  @Authorized()
  @Query(() => ContactType, { nullable: true, description: 'One contact, if the caller may see it.' })
  contact(@Arg('id', () => ID) id: string, @Ctx() context: ApiContext): Promise<Contact | null> {
    return context.services.crm.contact(requirePrincipal(context), id);
  }

  @Authorized()
  @Query(() => LeadType, { nullable: true, description: 'One lead, if the caller may see it.' })
  lead(@Arg('id', () => ID) id: string, @Ctx() context: ApiContext): Promise<Lead | null> {
    return context.services.crm.lead(requirePrincipal(context), id);
  }

  @Authorized()
  @Query(() => OpportunityType, { nullable: true, description: 'One opportunity, if the caller may see it.' })
  opportunity(@Arg('id', () => ID) id: string, @Ctx() context: ApiContext): Promise<Opportunity | null> {
    return context.services.crm.opportunity(requirePrincipal(context), id);
  }

  @Authorized()
  @Mutation(() => AccountType)
  createAccount(
    @Arg('input', () => CreateAccountInput) input: CreateAccountInput,
    @Ctx() context: ApiContext,
  ): Promise<Account> {
    return context.services.crm.createAccount(requirePrincipal(context), input);
  }

  @Authorized()
  @Mutation(() => ContactType)
  createContact(
    @Arg('input', () => CreateContactInput) input: CreateContactInput,
    @Ctx() context: ApiContext,
  ): Promise<Contact> {
    return context.services.crm.createContact(requirePrincipal(context), input);
  }

  @Authorized()
  @Mutation(() => ContactType, {
    description: 'Changes a contact the caller owns; their contact sync carries it to their Exchange contacts.',
  })
  updateContact(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateContactInput) input: UpdateContactInput,
    @Ctx() context: ApiContext,
  ): Promise<Contact> {
    return context.services.crm.updateContact(requirePrincipal(context), id, input);
  }

  @Authorized()
  @Mutation(() => LeadType)
  createLead(@Arg('input', () => CreateLeadInput) input: CreateLeadInput, @Ctx() context: ApiContext): Promise<Lead> {
    return context.services.crm.createLead(requirePrincipal(context), input);
  }

  @Authorized()
  @Mutation(() => OpportunityType)
  createOpportunity(
    @Arg('input', () => CreateOpportunityInput) input: CreateOpportunityInput,
    @Ctx() context: ApiContext,
  ): Promise<Opportunity> {
    const { estimatedValue, ...rest } = input;
    return context.services.crm.createOpportunity(requirePrincipal(context), {
      ...rest,
      estimatedValueMinor: estimatedValue == null ? null : Math.round(estimatedValue * 100),
    });
  }
}

@Resolver(() => OpportunityType)
export class OpportunityResolver {
  @FieldResolver(() => AccountType, { nullable: true })
  account(@Root() opportunity: OpportunityType, @Ctx() { loaders }: ApiContext) {
    return opportunity.accountId ? loaders.account.load(opportunity.accountId) : null;
  }

  @FieldResolver(() => [ContactType], { description: 'Contacts involved, by last name.' })
  contacts(@Root() opportunity: OpportunityType, @Ctx() { loaders }: ApiContext) {
    return loaders.opportunityContacts.load(opportunity.id);
  }

  @FieldResolver(() => UserType, { nullable: true })
  owner(@Root() opportunity: OpportunityType, @Ctx() { loaders }: ApiContext) {
    return opportunity.ownerUserId ? loaders.user.load(opportunity.ownerUserId) : null;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Estimated value in the organisation’s currency.' })
  estimatedValue(@Root() opportunity: OpportunityType): number | null {
    return opportunity.estimatedValueMinor == null ? null : Number(opportunity.estimatedValueMinor) / 100;
  }
}

@Resolver(() => ContactType)
export class ContactResolver {
  @FieldResolver(() => AccountType, { nullable: true })
  account(@Root() contact: ContactType, @Ctx() { loaders }: ApiContext) {
    return contact.accountId ? loaders.account.load(contact.accountId) : null;
  }
}
