import { describe, expect, it } from 'vitest';
import { safeBodyHtml } from './email-body.ts';

describe('email bodies shown in the web app', () => {
  it('lose scripts, event handlers and javascript: links but keep the message', () => {
    const html = safeBodyHtml(
      '<p onclick="steal()">Hello <b>Fiona</b></p><script>alert(1)</script><img src=x onerror="alert(2)">' +
        '<a href="javascript:alert(3)">click</a><iframe src="https://evil.example"></iframe>',
      'html',
    );
    expect(html).toContain('Hello <b>Fiona</b>');
    expect(html).not.toMatch(/script|onerror|onclick|javascript:|iframe|alert/i);
  });

  it('leave out remote and relative images (no tracking pixels) but keep inline ones', () => {
    const html = safeBodyHtml(
      '<img src="https://tracker.example/p.gif"><img src="x"><img src="//cdn.example/a.png"><img src="data:image/png;base64,AAAA" alt="logo">',
      'html',
    );
    expect(html).toBe('<img src="data:image/png;base64,AAAA" alt="logo" />');
  });

  it('keep safe links, opening in a new tab without access to the opener', () => {
    expect(safeBodyHtml('<a href="https://fabrikam.example/offer">offer</a>', 'html')).toBe(
      '<a href="https://fabrikam.example/offer" target="_blank" rel="noopener noreferrer">offer</a>',
    );
  });

  it('escape plain-text bodies, keeping their line breaks', () => {
    expect(safeBodyHtml('1 < 2\n<script>x</script>', 'text')).toBe('1 &lt; 2<br>&lt;script&gt;x&lt;/script&gt;');
  });
});
