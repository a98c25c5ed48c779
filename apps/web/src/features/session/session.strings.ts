import { defineStrings } from '../../shared/i18n.ts';

/** The sign-in page. */
export const sessionText = defineStrings(
  'session',
  {
    heading: 'Sign in to Mailroom',
    failed: 'Could not sign in',
    wrongCredentials: 'The email or password is not right.',
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    demoHint: 'Demo: {{email}} / {{password}}',
  },
  {
    heading: 'Accedi a Mailroom',
    failed: 'Impossibile accedere',
    wrongCredentials: 'L’indirizzo e-mail o la password non sono corretti.',
    email: 'Indirizzo e-mail',
    password: 'Password',
    signIn: 'Accedi',
    demoHint: 'Demo: {{email}} / {{password}}',
  },
);
