import type { InlineCorrection } from '@ielts-genai-prep/core';

/** A run of the essay: plain, or the quoted span of correction `correctionIndex`. */
export interface EssaySegment {
  text: string;
  correctionIndex: number | null;
}

/**
 * Splits an essay into plain runs and the spans that corrections quote. Each quote is found at
 * its first occurrence that does not overlap an earlier correction's span (exact case first,
 * then ignoring case); a quote that cannot be found is left out of the essay, and listed apart
 * by the caller.
 */
export function segmentEssay(essay: string, corrections: readonly InlineCorrection[]): { segments: EssaySegment[]; unplaced: number[] } {
  const spans: Array<{ start: number; end: number; index: number }> = [];
  const unplaced: number[] = [];
  const lowerEssay = essay.toLowerCase();
  const overlaps = (start: number, end: number) => spans.some((span) => start < span.end && end > span.start);

  corrections.forEach((correction, index) => {
    const quote = correction.quote;
    if (!quote) {
      unplaced.push(index);
      return;
    }
    const find = (haystack: string, needle: string): number => {
      let from = 0;
      for (;;) {
        const at = haystack.indexOf(needle, from);
        if (at === -1) return -1;
        if (!overlaps(at, at + needle.length)) return at;
        from = at + 1;
      }
    };
    let at = find(essay, quote);
    if (at === -1) at = find(lowerEssay, quote.toLowerCase());
    if (at === -1) unplaced.push(index);
    else spans.push({ start: at, end: at + quote.length, index });
  });

  spans.sort((a, b) => a.start - b.start);
  const segments: EssaySegment[] = [];
  let position = 0;
  for (const span of spans) {
    if (span.start > position) segments.push({ text: essay.slice(position, span.start), correctionIndex: null });
    segments.push({ text: essay.slice(span.start, span.end), correctionIndex: span.index });
    position = span.end;
  }
  if (position < essay.length) segments.push({ text: essay.slice(position), correctionIndex: null });
  return { segments, unplaced };
}
