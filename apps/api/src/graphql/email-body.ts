import sanitizeHtml from 'sanitize-html';

/**
 * An email body made safe to render in the web app: scripts, event handlers, forms, frames and
 * javascript: links are removed; only inline (data:) images are kept; links open
 * in a new tab without access to the opener. Plain-text bodies are escaped, line breaks kept.
 */
export function safeBodyHtml(body: string, contentType: 'html' | 'text'): string {
  if (contentType === 'text') {
    return escapeHtml(body).replace(/\r?\n/g, '<br>');
  }
  const cached = sanitised.get(body);
  if (cached !== undefined) {
    // Most recently used last.
    sanitised.delete(body);
    sanitised.set(body, cached);
    return cached;
  }
  const html = sanitize(body);
  if (body.length <= MAX_CACHED_BODY) {
    sanitised.set(body, html);
    cachedChars += body.length + html.length;
    for (const [oldest, value] of sanitised) {
      if (cachedChars <= MAX_CACHED_CHARS) break;
      sanitised.delete(oldest);
      cachedChars -= oldest.length + value.length;
    }
  }
  return html;
}

/**
 * Sanitising is the costliest part of showing a timeline (a quarter of a millisecond for a short
 * message), and a timeline shows the same bodies again and again (paging, other users, refreshes,
 * live updates): sanitised bodies are kept by content, least recently used first out, within a
 * bound on the characters held. Keyed by the body itself, so an entry can never be stale.
 */
const sanitised = new Map<string, string>();
const MAX_CACHED_CHARS = 8_000_000;
const MAX_CACHED_BODY = 500_000;
let cachedChars = 0;

function sanitize(body: string): string {
  return sanitizeHtml(body, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'font', 'center', 'span'],
    allowedAttributes: {
      ...sanitizeHtml.defaults.allowedAttributes,
      '*': ['style', 'align', 'dir', 'lang', 'title'],
      a: ['href', 'name', 'target', 'rel'],
      img: ['src', 'alt', 'width', 'height'],
      font: ['color', 'face', 'size'],
      td: ['colspan', 'rowspan', 'width', 'valign', 'align'],
      th: ['colspan', 'rowspan', 'width', 'valign', 'align'],
      table: ['width', 'cellpadding', 'cellspacing', 'border'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    // Remote images are left out, as mail clients do by default: they would tell the sender when
    // and where the email was read (tracking pixels). Inline images stay.
    allowedSchemesByTag: { img: ['data'] },
    allowProtocolRelative: false,
    exclusiveFilter: (frame) => frame.tag === 'img' && !/^data:image\//i.test(frame.attribs['src'] ?? ''),
    allowedStyles: {
      '*': {
        color: [/^[#a-z0-9(),.\s%]+$/i],
        'background-color': [/^[#a-z0-9(),.\s%]+$/i],
        'text-align': [/^(left|right|center|justify)$/],
        'font-size': [/^[\d.]+(px|pt|em|rem|%)$/],
        'font-weight': [/^(normal|bold|\d{3})$/],
        'font-style': [/^(normal|italic)$/],
        'text-decoration': [/^[a-z\s-]+$/],
      },
    },
    transformTags: {
      a: sanitizeHtml.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer' }),
    },
  });
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
