import type { TimelineTranslate } from './timeline.strings';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

/**
 * What the composer sends as the HTML body: the text escaped, blank lines between paragraphs,
 * other line breaks kept. Nothing the user types becomes markup.
 */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/^\n+|\s+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/** Addresses as typed in To or Cc: separated by commas, semicolons or spaces, each once. */
export function parseAddresses(text: string): string[] {
  const seen = new Set<string>();
  const addresses: string[] = [];
  for (const address of text.split(/[\s,;]+/)) {
    if (address === '' || seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    addresses.push(address);
  }
  return addresses;
}

const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The addresses that cannot be email addresses, to point out before sending. */
export function invalidAddresses(addresses: readonly string[]): string[] {
  return addresses.filter((address) => !ADDRESS.test(address));
}

/**
 * What is wrong with addresses typed in a field, in words (undefined when nothing is): none given
 * where one is required, or the ones that are not email addresses.
 */
export function addressesProblem(text: string, required: boolean, t: TimelineTranslate): string | undefined {
  const addresses = parseAddresses(text);
  if (required && addresses.length === 0) return t('address.required');
  const invalid = invalidAddresses(addresses);
  if (invalid.length === 0) return undefined;
  return t('address.invalid', { count: invalid.length, addresses: invalid.join(', ') });
}
