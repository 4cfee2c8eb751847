/**
 * Undoes what storing a text did to it, so that the features measure how the learner wrote,
 * not how a website, an editor or an export stored the answer. In the calibration data the
 * high-band samples of one source have curly quotes and paragraphs run together ("end.Next"),
 * and a model fed raw text learns those marks as skill. Paragraph breaks are kept (as one
 * blank-line-free `\n`), because writing in paragraphs is the learner's choice.
 *
 * - Unicode compatibility forms (full-width letters and punctuation, ligatures) become plain ones.
 * - Every line break (`\r\n`, `\r`, U+2028, U+0085) becomes `\n`; empty lines are dropped.
 * - Curly quotes, primes and acute accents used as apostrophes become `'` and `"`.
 * - Non-breaking and other wide spaces become a space; invisible characters are removed; runs of
 *   spaces become one, with none before `,` `.` `;` `:` `!` `?` or at the ends of a line.
 * - HTML entities left by a scrape (`&amp;`, `&#39;`, `&nbsp;` …) become their characters.
 * - A full stop run into the next sentence ("end.Next"), where a stored line break was lost,
 *   gets its space back.
 */
export function normalizeStoredText(text: string): string {
  return text
    .replace(
      /&(?:#(\d{1,5})|#x([\da-f]{1,4})|(amp|quot|apos|nbsp|lt|gt));/gi,
      (_match, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
        if (decimal !== undefined) return String.fromCodePoint(Number(decimal));
        if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16));
        return HTML_ENTITIES[(name ?? '').toLowerCase()] ?? '';
      },
    )
    .normalize('NFKC')
    .replace(/\r\n?|[\u2028\u2029\u0085\u000b\u000c]/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4\u0060]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/[\u2012-\u2015\u2212]/g, ' - ')
    .replace(/\u2026/g, '...')
    .replace(/(\p{Ll}{2})\.(?=\p{Lu}\p{Ll})/gu, '$1. ')
    .replace(/ {2,}/g, ' ')
    .replace(/ +(?=[,.;:!?](?!\d))/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', quot: '"', apos: "'", nbsp: ' ', lt: '<', gt: '>' };

const ESCAPED = /[.*+?^${}()|[\]\\]/g;
const WRITTEN_FORMS: Readonly<Record<string, string>> = {
  "'": "['\u2018\u2019\u201a\u201b\u2032\u00b4\u0060]",
  '"': '["\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]',
  '-': '[-\u2010\u2011]',
  ' ': '[\\s\u00a0\u202f\u200b]+',
};

/**
 * A quote taken from the normalised text, as it stands in the text the learner wrote (curly
 * apostrophes, non-breaking spaces), so the apps can mark it there; the quote itself when the
 * written text does not hold it in any such form.
 */
export function quoteAsWritten(written: string, quote: string): string {
  if (quote.length === 0 || written.includes(quote)) return quote;
  const pattern = [...quote].map((character) => WRITTEN_FORMS[character] ?? character.replace(ESCAPED, '\\$&')).join('');
  return new RegExp(pattern, 'u').exec(written)?.[0] ?? new RegExp(pattern, 'iu').exec(written)?.[0] ?? quote;
}
