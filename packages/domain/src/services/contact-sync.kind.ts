import type { Contact } from '../entities/crm-record.entities.ts';
import type { ContactFields, ExchangeContact } from '../exchange-gateway.ts';
import type { CrmRow, SyncedKind } from './item-sync.ts';

const LIMITS = {
  firstName: 100,
  lastName: 100,
  emailAddress: 320,
  businessPhone: 40,
  mobilePhone: 40,
  companyName: 200,
  jobTitle: 200,
};

/** The contact's fields as the sync compares them with Exchange. */
export function contactFieldsOf(
  row: Pick<
    Contact,
    'firstName' | 'lastName' | 'emailAddress' | 'businessPhone' | 'mobilePhone' | 'companyName' | 'jobTitle'
  >,
): ContactFields {
  return {
    firstName: row.firstName,
    lastName: row.lastName,
    emailAddress: row.emailAddress,
    businessPhone: row.businessPhone,
    mobilePhone: row.mobilePhone,
    companyName: row.companyName,
    jobTitle: row.jobTitle,
  };
}

/** The contact columns for these fields (same names), cut to the columns' sizes. */
export function contactColumnsOf(fields: Partial<ContactFields>): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields) as [keyof ContactFields, string | null][]) {
    const limit = LIMITS[field];
    columns[field] = value === null ? null : value.slice(0, limit);
  }
  // A CRM contact always has a name; an Exchange card may not.
  if (columns['firstName'] === '') columns['firstName'] = '(no first name)';
  if (columns['lastName'] === '') columns['lastName'] = '(no last name)';
  return columns;
}

/**
 * CRM contacts the user owns ↔ the user's default contacts folder (field mapping: graph-adapter's
 * contact-gateway). Every contact the user owns goes to Exchange, tracked; an Exchange contact
 * comes into the CRM when the user tracked it (the "Tracked to Mailroom" category). Deleting one
 * in Exchange ends the pairing only: the CRM contact is a shared record and stays.
 */
export const CONTACTS: SyncedKind<ContactFields> = {
  kind: 'CONTACT',
  table: 'contact',
  fields: ['firstName', 'lastName', 'emailAddress', 'businessPhone', 'mobilePhone', 'companyName', 'jobTitle'],
  cursorKey: 'contacts',
  container: async () => 'contacts',
  delta: (gateway, upn, _folder, options) => gateway.contactDelta(upn, options),
  get: (gateway, upn, _folder, id) => gateway.getContact(upn, id),
  create: (gateway, upn, _folder, fields) => gateway.createContact(upn, fields),
  update: (gateway, upn, _folder, id, changes) => gateway.updateContact(upn, id, changes),
  remove: (gateway, upn, _folder, id) => gateway.deleteContact(upn, id),
  fieldsOf: (row) => contactFieldsOf(row as unknown as Contact),
  columnsOf: async (_db, _mailbox, fields) => contactColumnsOf(fields),
  admit: async (_db, _mailbox, contact) => ((contact as ExchangeContact).tracked ? {} : null),
  // A card tracked in Outlook for someone the user already has in the CRM (same address) is that
  // contact, not a new one.
  async match(db, mailbox, contact) {
    if (!(contact as ExchangeContact).tracked || !contact.fields.emailAddress) return null;
    const [row]: CrmRow[] = await db.query(
      `SELECT c.* FROM contact c
        WHERE c."organisationId" = $1 AND c."ownerUserId" = $2 AND c."emailAddress" = $3
          AND NOT EXISTS (SELECT 1 FROM exchange_link l
                           WHERE l."mailboxId" = $4 AND l.kind = 'CONTACT' AND l."crmId" = c.id)
        ORDER BY c."createdAt" LIMIT 1`,
      [mailbox.organisationId, mailbox.ownerUserId, contact.fields.emailAddress, mailbox.id],
    );
    return row ?? null;
  },
  removalMayBeMove: false,
  exchangeDeleteDeletesCrm: false,
  onTimelines: (_row: CrmRow) => false,
};
