import { describe, expect, it } from 'vitest';
import { i18n } from '../../shared/i18n';
import { addressesProblem, invalidAddresses, parseAddresses, textToHtml } from './email-text';
import { timelineText, type TimelineTranslate } from './timeline.strings';

const textIn = (language: 'en' | 'it') =>
  i18n.getFixedT(language, timelineText.namespace) as unknown as TimelineTranslate;

describe('textToHtml', () => {
  it('turns blank-line separated text into paragraphs and keeps single line breaks', () => {
    expect(textToHtml('Dear Fiona,\r\n\r\nHere is our offer.\nBest regards\n\n\n')).toBe(
      '<p>Dear Fiona,</p>\n<p>Here is our offer.<br>Best regards</p>',
    );
  });

  it('escapes everything typed, so no text becomes markup', () => {
    expect(textToHtml(`<script>alert("x")</script> & <b onclick='y'>`)).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b onclick=&#39;y&#39;&gt;</p>',
    );
  });

  it('sends nothing for an empty body', () => {
    expect(textToHtml(' \n \n')).toBe('');
  });
});

describe('addresses', () => {
  it('splits on commas, semicolons and spaces, each address once', () => {
    expect(parseAddresses(' fiona@fabrikam.example; bob@contoso.example,  Fiona@fabrikam.example ')).toEqual([
      'fiona@fabrikam.example',
      'bob@contoso.example',
    ]);
  });

  it('points out what cannot be an address', () => {
    expect(invalidAddresses(['fiona@fabrikam.example', 'fiona', 'a@b'])).toEqual(['fiona', 'a@b']);
  });
});

describe('addressesProblem', () => {
  it('says what is wrong with the addresses, in the reader’s language', () => {
    const [en, it_] = [textIn('en'), textIn('it')];
    expect(addressesProblem(' ', true, en)).toBe('Add at least one recipient.');
    expect(addressesProblem(' ', false, en)).toBeUndefined();
    expect(addressesProblem('fiona@fabrikam.example; bob', true, en)).toBe('bob is not an email address.');
    expect(addressesProblem('bob, a@b', false, en)).toBe('bob, a@b are not email addresses.');
    expect(addressesProblem(' ', true, it_)).toBe('Aggiungi almeno un destinatario.');
    expect(addressesProblem('bob', false, it_)).toBe('bob non è un indirizzo di posta elettronica valido.');
    expect(addressesProblem('bob, a@b', false, it_)).toBe('bob, a@b non sono indirizzi di posta elettronica validi.');
  });
});
