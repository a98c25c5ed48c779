import { In, type DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { Account, Contact, Lead, Opportunity, OpportunityContact } from '../entities/crm-record.entities.ts';
import { DomainError, notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { isAdministrator, isManager, type Principal } from '../principal.ts';
import type { ActChangeListener } from './owned-activities.ts';
import { decodeCursor, encodeCursor, pageSize, type Page } from './pagination.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function requiredText(value: string, field: string, max: number): string {
  const text = value.trim();
  if (!text || text.length > max) throw new DomainError('BAD_USER_INPUT', `${field} must be 1 to ${max} characters.`);
  return text;
}

function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  const text = value?.trim();
  if (!text) return null;
  if (text.length > max) throw new DomainError('BAD_USER_INPUT', `${field} is at most ${max} characters.`);
  return text;
}

function optionalEmail(value: string | null | undefined): string | null {
  const text = value?.trim().toLowerCase();
  if (!text) return null;
  if (text.length > 320 || !EMAIL.test(text))
    throw new DomainError('BAD_USER_INPUT', `"${value}" is not an email address.`);
  return text;
}

export interface NewAccount {
  name: string;
  emailAddress?: string | null;
}
export interface NewContact {
  firstName: string;
  lastName: string;
  emailAddress?: string | null;
  jobTitle?: string | null;
  accountId?: string | null;
  businessPhone?: string | null;
  mobilePhone?: string | null;
  companyName?: string | null;
}
export interface ContactChanges {
  firstName?: string | null;
  lastName?: string | null;
  emailAddress?: string | null;
  jobTitle?: string | null;
  businessPhone?: string | null;
  mobilePhone?: string | null;
  companyName?: string | null;
}
export interface NewLead {
  firstName: string;
  lastName: string;
  companyName?: string | null;
  emailAddress?: string | null;
}
export interface NewOpportunity {
  name: string;
  accountId?: string | null;
  contactIds?: readonly string[] | null;
  estimatedValueMinor?: number | null;
}

type Owned = Account | Contact | Lead | Opportunity;

/** A CRM record an activity can be regarding, with its display name. */
export interface CrmRecordRef {
  type: 'ACCOUNT' | 'CONTACT' | 'LEAD' | 'OPPORTUNITY';
  id: string;
  name: string;
  ownerUserId: string | null;
}

/**
 * The CRM records email is tracked against. Administrators see every record of their
 * organisation; managers theirs and their team's; everyone else the records they own.
 */
export class CrmRecordService {
  constructor(
    private readonly dataSource: DataSource,
    /** Told when a contact changes, so its owner's contact sync runs soon. */
    private readonly listener: ActChangeListener | null = null,
  ) {}

  private visible<T extends ObjectLiteral>(
    entity: new () => T,
    alias: string,
    principal: Principal,
  ): SelectQueryBuilder<T> {
    const query = this.dataSource
      .getRepository(entity)
      .createQueryBuilder(alias)
      .where(`${alias}.organisationId = :org`, { org: principal.organisationId });
    if (isAdministrator(principal)) return query;
    if (isManager(principal)) {
      return query.andWhere(
        `(${alias}.ownerUserId = :me OR ${alias}.ownerUserId IN (SELECT id FROM app_user WHERE "managerUserId" = :me AND "organisationId" = :org))`,
        { me: principal.userId },
      );
    }
    return query.andWhere(`${alias}.ownerUserId = :me`, { me: principal.userId });
  }

  /** Newest first, keyset-paged. */
  private async page<T extends Owned>(
    query: SelectQueryBuilder<T>,
    alias: string,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<T>> {
    const limit = pageSize(first);
    const totalCount = await query.clone().getCount();
    // Records written in one transaction (contacts tracked in Outlook) share a creation time to the
    // microsecond, and a cursor holds milliseconds: order and compare at the cursor's precision.
    const createdMs = `date_trunc('milliseconds', ${alias}."createdAt")`;
    if (after) {
      const [createdAt, id] = decodeCursor(after, 2);
      query.andWhere(`(${createdMs}, ${alias}.id) < (:createdAt, :id)`, { createdAt, id });
    }
    const rows = await query
      .orderBy(createdMs, 'DESC')
      .addOrderBy(`${alias}.id`, 'DESC')
      .limit(limit + 1)
      .getMany();
    return {
      items: rows.slice(0, limit),
      hasNextPage: rows.length > limit,
      totalCount,
      cursorOf: (row) => encodeCursor([row.createdAt.toISOString(), row.id]),
    };
  }

  accounts(principal: Principal, first?: number | null, after?: string | null) {
    return this.page(this.visible(Account, 'account', principal), 'account', first, after);
  }
  contacts(principal: Principal, first?: number | null, after?: string | null) {
    return this.page(this.visible(Contact, 'contact', principal), 'contact', first, after);
  }
  leads(principal: Principal, first?: number | null, after?: string | null) {
    return this.page(this.visible(Lead, 'lead', principal), 'lead', first, after);
  }
  opportunities(principal: Principal, first?: number | null, after?: string | null) {
    return this.page(this.visible(Opportunity, 'opportunity', principal), 'opportunity', first, after);
  }

  /**
   * The record with this id among the accounts, contacts, leads and opportunities the user may
   * see; NOT_FOUND otherwise (a record of someone else's is not revealed to exist).
   */
  async visibleRecord(principal: Principal, id: string, what = 'That record'): Promise<CrmRecordRef> {
    const [found] = isUuid(id) ? await this.refs(principal, [id]) : [];
    if (!found) throw notFound(what);
    return found;
  }

  /**
   * The accounts, contacts, leads and opportunities with these ids that the user may see, in one
   * statement (in that order of kinds, should two share an id).
   */
  private async refs(principal: Principal, ids: readonly string[]): Promise<CrmRecordRef[]> {
    const rows: { type: CrmRecordRef['type']; id: string; name: string; ownerUserId: string | null }[] =
      await this.dataSource.query(
        `SELECT r.type, r.id, r.name, r."ownerUserId" FROM (
            SELECT 1 AS rank, 'ACCOUNT' AS type, id, name, "ownerUserId", "organisationId" FROM account WHERE id = ANY($1::uuid[])
            UNION ALL
            SELECT 2, 'CONTACT', id, "firstName" || ' ' || "lastName", "ownerUserId", "organisationId" FROM contact WHERE id = ANY($1::uuid[])
            UNION ALL
            SELECT 3, 'LEAD', id, "firstName" || ' ' || "lastName", "ownerUserId", "organisationId" FROM lead WHERE id = ANY($1::uuid[])
            UNION ALL
            SELECT 4, 'OPPORTUNITY', id, name, "ownerUserId", "organisationId" FROM opportunity WHERE id = ANY($1::uuid[])
          ) r
          WHERE r."organisationId" = $2
            AND ($3 OR r."ownerUserId" = $4
                 OR ($5 AND r."ownerUserId" IN (SELECT id FROM app_user WHERE "managerUserId" = $4 AND "organisationId" = $2)))
          ORDER BY r.rank`,
        [ids, principal.organisationId, isAdministrator(principal), principal.userId, isManager(principal)],
      );
    return rows.map((r) => ({ type: r.type, id: r.id, name: r.name, ownerUserId: r.ownerUserId }));
  }

  /** One record of a kind, if the user may see it. */
  async one<T extends Owned>(principal: Principal, entity: new () => T, alias: string, id: string): Promise<T | null> {
    if (!isUuid(id)) return null;
    return this.visible<T>(entity, alias, principal).andWhere(`${alias}.id = :id`, { id }).getOne();
  }

  account(principal: Principal, id: string) {
    return this.one(principal, Account, 'account', id);
  }
  contact(principal: Principal, id: string) {
    return this.one(principal, Contact, 'contact', id);
  }
  lead(principal: Principal, id: string) {
    return this.one(principal, Lead, 'lead', id);
  }
  opportunity(principal: Principal, id: string) {
    return this.one(principal, Opportunity, 'opportunity', id);
  }

  /** Display names of the records with these ids that the user may see, whatever their kind. */
  async recordNames(principal: Principal, ids: readonly string[]): Promise<Map<string, CrmRecordRef>> {
    const valid = [...new Set(ids.filter(isUuid))];
    const result = new Map<string, CrmRecordRef>();
    if (valid.length === 0) return result;
    for (const record of await this.refs(principal, valid)) if (!result.has(record.id)) result.set(record.id, record);
    return result;
  }

  /** Records of the organisation by id, for field resolution (no visibility filter beyond the organisation). */
  async accountsByIds(principal: Principal, ids: readonly string[]): Promise<Account[]> {
    const valid = ids.filter(isUuid);
    return valid.length
      ? this.dataSource.getRepository(Account).findBy({ id: In(valid), organisationId: principal.organisationId })
      : [];
  }

  /** Contacts of many opportunities in one query, keyed by opportunity id. */
  async contactsOfOpportunities(
    principal: Principal,
    opportunityIds: readonly string[],
  ): Promise<Map<string, Contact[]>> {
    const result = new Map<string, Contact[]>(opportunityIds.map((id) => [id, []]));
    if (opportunityIds.length === 0) return result;
    const links = await this.dataSource
      .getRepository(OpportunityContact)
      .findBy({ opportunityId: In([...opportunityIds]), organisationId: principal.organisationId });
    const contacts = links.length
      ? await this.dataSource
          .getRepository(Contact)
          .find({ where: { id: In(links.map((l) => l.contactId)) }, order: { lastName: 'ASC' } })
      : [];
    // Contacts come sorted by last name; each joins every opportunity it is linked to, in that order.
    for (const contact of contacts) {
      for (const link of links) if (link.contactId === contact.id) result.get(link.opportunityId)?.push(contact);
    }
    return result;
  }

  private async ownAccount(
    manager: EntityManager,
    principal: Principal,
    accountId: string | null | undefined,
  ): Promise<string | null> {
    if (!accountId) return null;
    const account = isUuid(accountId)
      ? await manager.getRepository(Account).findOneBy({ id: accountId, organisationId: principal.organisationId })
      : null;
    if (!account) throw notFound('That account');
    return account.id;
  }

  createAccount(principal: Principal, input: NewAccount): Promise<Account> {
    const repository = this.dataSource.getRepository(Account);
    return repository.save(
      repository.create({
        organisationId: principal.organisationId,
        name: requiredText(input.name, 'The account name', 200),
        emailAddress: optionalEmail(input.emailAddress),
        ownerUserId: principal.userId,
      }),
    );
  }

  async createContact(principal: Principal, input: NewContact): Promise<Contact> {
    const contact = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Contact);
      const accountId = await this.ownAccount(manager, principal, input.accountId);
      const account = accountId ? await manager.getRepository(Account).findOneBy({ id: accountId }) : null;
      return repository.save(
        repository.create({
          organisationId: principal.organisationId,
          firstName: requiredText(input.firstName, 'The first name', 100),
          lastName: requiredText(input.lastName, 'The last name', 100),
          emailAddress: optionalEmail(input.emailAddress),
          jobTitle: optionalText(input.jobTitle, 'The job title', 200),
          businessPhone: optionalText(input.businessPhone, 'The business phone', 40),
          mobilePhone: optionalText(input.mobilePhone, 'The mobile phone', 40),
          companyName: optionalText(input.companyName, 'The company', 200) ?? account?.name ?? null,
          accountId,
          ownerUserId: principal.userId,
        }),
      );
    });
    await this.listener?.crmChanged(contact.organisationId, principal.userId);
    return contact;
  }

  /**
   * Changes a contact: its owner or an administrator may. Only the fields given change; an empty
   * optional field clears it. The owner's contact sync carries the change to Exchange.
   */
  async updateContact(principal: Principal, id: string, changes: ContactChanges): Promise<Contact> {
    const contact = await this.contact(principal, id);
    if (!contact) throw notFound('That contact');
    if (contact.ownerUserId !== principal.userId && !isAdministrator(principal))
      throw new DomainError('FORBIDDEN', "Only the contact's owner can change it.");
    const columns: Partial<Contact> = {};
    if (changes.firstName != null) columns.firstName = requiredText(changes.firstName, 'The first name', 100);
    if (changes.lastName != null) columns.lastName = requiredText(changes.lastName, 'The last name', 100);
    if (changes.emailAddress !== undefined) columns.emailAddress = optionalEmail(changes.emailAddress);
    if (changes.jobTitle !== undefined) columns.jobTitle = optionalText(changes.jobTitle, 'The job title', 200);
    if (changes.businessPhone !== undefined)
      columns.businessPhone = optionalText(changes.businessPhone, 'The business phone', 40);
    if (changes.mobilePhone !== undefined)
      columns.mobilePhone = optionalText(changes.mobilePhone, 'The mobile phone', 40);
    if (changes.companyName !== undefined) columns.companyName = optionalText(changes.companyName, 'The company', 200);
    await this.dataSource
      .getRepository(Contact)
      .createQueryBuilder()
      .update()
      .set({ ...columns, updatedAt: () => 'now()', version: () => 'version + 1' })
      .where('id = :id', { id: contact.id })
      .execute();
    if (contact.ownerUserId) await this.listener?.crmChanged(contact.organisationId, contact.ownerUserId);
    return this.dataSource.getRepository(Contact).findOneByOrFail({ id: contact.id });
  }

  createLead(principal: Principal, input: NewLead): Promise<Lead> {
    const repository = this.dataSource.getRepository(Lead);
    return repository.save(
      repository.create({
        organisationId: principal.organisationId,
        firstName: requiredText(input.firstName, 'The first name', 100),
        lastName: requiredText(input.lastName, 'The last name', 100),
        companyName: input.companyName?.trim() || null,
        emailAddress: optionalEmail(input.emailAddress),
        ownerUserId: principal.userId,
      }),
    );
  }

  createOpportunity(principal: Principal, input: NewOpportunity): Promise<Opportunity> {
    if (
      input.estimatedValueMinor != null &&
      (!Number.isSafeInteger(input.estimatedValueMinor) || input.estimatedValueMinor < 0)
    ) {
      throw new DomainError('BAD_USER_INPUT', 'The estimated value must be a positive amount.');
    }
    return this.dataSource.transaction(async (manager) => {
      const contactIds = [...new Set(input.contactIds ?? [])];
      const contacts = contactIds.filter(isUuid).length
        ? await manager
            .getRepository(Contact)
            .findBy({ id: In(contactIds.filter(isUuid)), organisationId: principal.organisationId })
        : [];
      if (contacts.length !== contactIds.length) throw notFound('One of the contacts');
      const repository = manager.getRepository(Opportunity);
      const opportunity = await repository.save(
        repository.create({
          organisationId: principal.organisationId,
          name: requiredText(input.name, 'The opportunity name', 300),
          accountId: await this.ownAccount(manager, principal, input.accountId),
          estimatedValueMinor: input.estimatedValueMinor == null ? null : String(input.estimatedValueMinor),
          ownerUserId: principal.userId,
        }),
      );
      if (contacts.length > 0) {
        await manager.getRepository(OpportunityContact).insert(
          contacts.map((c) => ({
            organisationId: principal.organisationId,
            opportunityId: opportunity.id,
            contactId: c.id,
          })),
        );
      }
      return opportunity;
    });
  }
}
