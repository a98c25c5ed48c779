import { defineStrings } from '../../shared/i18n.ts';

/** Strings of an account's page. */
export const accountsText = defineStrings(
  'accounts',
  {
    email: 'Email',
    created: 'Created',
    none: 'None',
    kind: 'Account',
  },
  {
    email: 'Posta elettronica',
    created: 'Data creazione',
    none: 'Nessuno',
    kind: 'Account',
  },
);
