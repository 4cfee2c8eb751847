import { describe, expect, it } from 'vitest';
import { normalizeStoredText, quoteAsWritten } from './text-normalization.js';

describe('normalizeStoredText', () => {
  it('turns curly quotes, wide spaces, dashes and ellipses into plain ones', () => {
    expect(normalizeStoredText('It\u2019s \u201cfree\u201d\u00a0time\u2026 a well\u2011known\u2014and costly\u2014habit')).toBe(
      'It\'s "free" time... a well-known - and costly - habit',
    );
  });

  it('makes every line break a single \\n and drops empty and blank lines', () => {
    expect(normalizeStoredText('First paragraph.\r\n\r\n   \r\nSecond one.\rThird.\u2028Fourth.')).toBe(
      'First paragraph.\nSecond one.\nThird.\nFourth.',
    );
  });

  it('removes invisible characters and spaces before punctuation, and collapses runs of spaces', () => {
    expect(normalizeStoredText('  Cities\u200b grow , and  people   move .  ')).toBe('Cities grow, and people move.');
    // A decimal point is not punctuation to pull in.
    expect(normalizeStoredText('it rose by .5 points')).toBe('it rose by .5 points');
  });

  it('gives back the space a lost line break took from two sentences, but leaves abbreviations alone', () => {
    expect(normalizeStoredText('This is the end.Next, the second paragraph.')).toBe('This is the end. Next, the second paragraph.');
    expect(normalizeStoredText('The U.S. and e.g. Japan')).toBe('The U.S. and e.g. Japan');
  });

  it('decodes HTML entities a scrape left behind, and full-width characters', () => {
    expect(normalizeStoredText('R&amp;D costs &#39;rose&#39;&nbsp;sharply &lt;here&gt;')).toBe("R&D costs 'rose' sharply <here>");
    expect(normalizeStoredText('ＡＢＣ，ok')).toBe('ABC,ok');
  });

  it('changes nothing in plain text', () => {
    const plain = "Many people think so.\nHowever, I don't agree: it's 25% dearer.";
    expect(normalizeStoredText(plain)).toBe(plain);
  });

  it('is idempotent: normalised text stays as it is', () => {
    const stored = '  It\u2019s  \u201cdone\u201d\u2014mostly , I think.Next\r\n\r\nline\u00a0two &amp; more\u2026 ';
    const once = normalizeStoredText(stored);
    expect(normalizeStoredText(once)).toBe(once);
  });
});

describe('quoteAsWritten', () => {
  it('finds a quote of the normalised text as the learner wrote it', () => {
    const written = 'People don\u2019t\u00a0agree, and  it\u2019s \u201cfine\u201d.';
    expect(quoteAsWritten(written, "don't agree")).toBe('don\u2019t\u00a0agree');
    expect(quoteAsWritten(written, 'and it\'s "fine"')).toBe('and  it\u2019s \u201cfine\u201d');
    expect(quoteAsWritten(written, "Don't")).toBe('don\u2019t');
    // Already as written, or nowhere in the text: unchanged.
    expect(quoteAsWritten(written, 'People')).toBe('People');
    expect(quoteAsWritten(written, "isn't (here)")).toBe("isn't (here)");
  });
});
