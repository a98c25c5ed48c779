import { defineStrings } from '../../shared/i18n.ts';

/** Strings of a contact's page. */
export const contactsText = defineStrings(
  'contacts',
  {
    jobTitle: 'Job title',
    email: 'Email',
    businessPhone: 'Business phone',
    mobilePhone: 'Mobile phone',
    company: 'Company',
    account: 'Account',
    created: 'Created',
    none: 'None',
    kind: 'Contact',
  },
  {
    jobTitle: 'Posizione',
    email: 'Posta elettronica',
    businessPhone: 'Telefono ufficio',
    mobilePhone: 'Cellulare',
    company: 'Società',
    account: 'Account',
    created: 'Data creazione',
    none: 'Nessuno',
    kind: 'Contatto',
  },
);
