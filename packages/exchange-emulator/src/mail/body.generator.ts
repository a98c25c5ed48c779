/** Deterministic pseudo-random numbers (mulberry32): the same seed gives the same mail. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the proposal pricing renewal contract meeting quarter forecast discount licence seats pilot rollout timeline budget ' +
  'approval stakeholder invoice delivery schedule agenda follow up thanks regards please attached review draft terms ' +
  'volume order support onboarding training migration integration account opportunity demo feedback next steps call ' +
  'week friday monday update revised figures team legal procurement signature deadline confirm availability options'
).split(' ');

function sentence(random: () => number): string {
  const length = 6 + Math.floor(random() * 14);
  const first = WORDS[Math.floor(random() * WORDS.length)]!;
  let text = first[0]!.toUpperCase() + first.slice(1);
  for (let i = 1; i < length; i++) text += ' ' + WORDS[Math.floor(random() * WORDS.length)]!;
  return text + '.';
}

/**
 * Paragraphs bodies are made of, generated once: a body picks among them by its seed, so the
 * largest scenarios (hundreds of megabytes of mail, read many times) cost little to serve.
 */
const PARAGRAPHS = (() => {
  const random = prng(0x5eed);
  const paragraphs = Array.from(
    { length: 4096 },
    () => `<p style="margin:0">${sentence(random)} ${sentence(random)} ${sentence(random)}</p>`,
  );
  // Flattened once: built by concatenation, each would otherwise be re-flattened at every use.
  return paragraphs.join('\n').split('\n');
})();

/** A sized HTML body from a seed: paragraphs of business prose, wrapped as Outlook does. */
export function generateHtmlBody(seed: number, bytes: number): string {
  const random = prng(seed);
  const head =
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><div dir="ltr">';
  const tail = '</div></body></html>';
  // Joined once (not concatenated) so the result is a flat string, cheap to serialise.
  const parts = [head];
  let size = head.length + tail.length;
  for (;;) {
    const paragraph = PARAGRAPHS[Math.floor(random() * PARAGRAPHS.length)]!;
    if (parts.length > 1 && size + paragraph.length > bytes) break;
    parts.push(paragraph);
    size += paragraph.length;
  }
  parts.push(tail);
  return parts.join('');
}

/** Body sizes with a median around 4 KB and a long tail, capped at 100 KB (log-normal). */
export function sampleBodySize(random: () => number): number {
  const u = Math.max(random(), 1e-9);
  const v = random();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.min(100_000, Math.max(600, Math.round(4000 * Math.exp(0.9 * normal))));
}

export function htmlToText(html: string): string {
  return html
    .replace(/<(head|style|script)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
