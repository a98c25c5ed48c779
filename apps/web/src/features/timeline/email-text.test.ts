import { describe, expect, it } from 'vitest';
import { invalidAddresses, parseAddresses, textToHtml } from './email-text';

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
