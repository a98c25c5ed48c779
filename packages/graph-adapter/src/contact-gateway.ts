import {
  TRACKED_CATEGORY,
  type ContactFields,
  type ExchangeContact,
  type ItemDeltaOptions,
  type ItemDeltaPage,
} from '@mailroom/domain';
import type { Contact } from '@microsoft/microsoft-graph-types';
import type { GraphAdapter } from './graph-adapter.ts';
import { malformedResponse } from './graph-errors.ts';
import { unlessGone } from './graph-values.ts';

/**
 * CRM contact ↔ Exchange contact (the user's default contacts folder), field by field:
 *
 * | CRM contact   | Exchange contact                                                        |
 * |---------------|-------------------------------------------------------------------------|
 * | firstName     | givenName                                                               |
 * | lastName      | surname                                                                 |
 * | emailAddress  | emailAddresses[0].address (writing it replaces the list with that one)  |
 * | businessPhone | businessPhones[0] (writing it replaces the list with that one)          |
 * | mobilePhone   | mobilePhone                                                             |
 * | companyName   | companyName                                                             |
 * | jobTitle      | jobTitle                                                                |
 *
 * A contact is tracked in Exchange by the "Tracked to Mailroom" category, which Mailroom sets on
 * the contacts it creates there. The contact's `changeKey` is its change marker.
 */
const text = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

export function toExchangeContact(contact: Contact & { '@odata.etag'?: string }): ExchangeContact {
  if (!contact.id) throw malformedResponse('a contact without an id');
  const changeKey = contact.changeKey ?? contact['@odata.etag'];
  if (!changeKey) throw malformedResponse('a contact without a changeKey');
  return {
    id: contact.id,
    changeKey,
    lastModifiedAt: new Date(contact.lastModifiedDateTime ?? Date.now()),
    tracked: (contact.categories ?? []).includes(TRACKED_CATEGORY),
    fields: {
      firstName: contact.givenName?.trim() ?? '',
      lastName: contact.surname?.trim() ?? '',
      emailAddress: text(contact.emailAddresses?.[0]?.address)?.toLowerCase() ?? null,
      businessPhone: text(contact.businessPhones?.[0]),
      mobilePhone: text(contact.mobilePhone),
      companyName: text(contact.companyName),
      jobTitle: text(contact.jobTitle),
    },
  };
}

export function toGraphContact(fields: Partial<ContactFields>): Contact {
  const contact: Contact = {};
  if (fields.firstName !== undefined) contact.givenName = fields.firstName;
  if (fields.lastName !== undefined) contact.surname = fields.lastName;
  if (fields.emailAddress !== undefined)
    contact.emailAddresses = fields.emailAddress === null ? [] : [{ address: fields.emailAddress }];
  if (fields.businessPhone !== undefined)
    contact.businessPhones = fields.businessPhone === null ? [] : [fields.businessPhone];
  if (fields.mobilePhone !== undefined) contact.mobilePhone = fields.mobilePhone;
  if (fields.companyName !== undefined) contact.companyName = fields.companyName;
  if (fields.jobTitle !== undefined) contact.jobTitle = fields.jobTitle;
  return contact;
}

/** The contacts half of the domain's Exchange port. */
export function contactGatewayOver(adapter: GraphAdapter) {
  return {
    async *contactDelta(
      mailbox: string,
      options: ItemDeltaOptions = {},
    ): AsyncGenerator<ItemDeltaPage<ExchangeContact>, void, undefined> {
      for await (const page of adapter.contactDelta(mailbox, undefined, options)) {
        yield {
          items: page.items.map(toExchangeContact),
          removedIds: page.removedIds,
          cursor: (page.nextCursor ?? page.deltaCursor)!,
          complete: page.deltaCursor !== undefined,
        };
      }
    },
    async getContact(mailbox: string, contactId: string): Promise<ExchangeContact | null> {
      const contact = await unlessGone(() => adapter.getContact(mailbox, contactId));
      return contact === null ? null : toExchangeContact(contact);
    },
    async createContact(mailbox: string, fields: ContactFields): Promise<ExchangeContact> {
      const created = await adapter.createContact(mailbox, {
        ...toGraphContact(fields),
        displayName: `${fields.firstName} ${fields.lastName}`.trim(),
        categories: [TRACKED_CATEGORY],
      });
      return toExchangeContact(created);
    },
    async updateContact(mailbox: string, contactId: string, changes: Partial<ContactFields>): Promise<ExchangeContact> {
      return toExchangeContact(await adapter.updateContact(mailbox, contactId, toGraphContact(changes)));
    },
    async deleteContact(mailbox: string, contactId: string): Promise<void> {
      await unlessGone(() => adapter.deleteContact(mailbox, contactId));
    },
  };
}
