import type { InlineCorrection } from '@ielts-genai-prep/core';

/** A run of the learner's answer: plain, or a span a correction quotes (its index in the list). */
export interface AnswerSegment {
  text: string;
  correction: number | null;
}

const isWordCharacter = (character: string | undefined) => character !== undefined && /[\p{L}\p{N}'’-]/u.test(character);

/**
 * Cuts an answer into plain runs and the spans the corrections quote, in reading order: every
 * whole-word occurrence of each quote, in any case (a misspelling at the start of a sentence is
 * the same misspelling), an earlier correction keeping a span a later one also quotes. Quotes not
 * found mark nothing.
 */
export function correctionSegments(answer: string, corrections: readonly InlineCorrection[]): AnswerSegment[] {
  const owner: Array<number | null> = Array.from({ length: answer.length }, () => null);
  corrections.forEach((correction, index) => {
    const quote = correction.quote;
    if (!quote) return;
    const find = (haystack: string, needle: string) => {
      const found: number[] = [];
      for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) found.push(at);
      return found;
    };
    for (const start of find(answer.toLowerCase(), quote.toLowerCase())) {
      const end = start + quote.length;
      // Whole words only: "it are" in "bit are" is not the slip.
      if (
        (isWordCharacter(quote[0]) && isWordCharacter(answer[start - 1])) ||
        (isWordCharacter(quote.at(-1)) && isWordCharacter(answer[end]))
      )
        continue;
      if (owner.slice(start, end).some((taken) => taken !== null)) continue;
      for (let position = start; position < end; position += 1) owner[position] = index;
    }
  });
  const segments: AnswerSegment[] = [];
  for (let position = 0; position < answer.length; position += 1) {
    const correction = owner[position] ?? null;
    const last = segments.at(-1);
    if (last && last.correction === correction && (correction === null || owner[position - 1] === correction))
      last.text += answer[position];
    else segments.push({ text: answer[position]!, correction });
  }
  return segments;
}
