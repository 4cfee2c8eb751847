/** One question's entry in an answer key, read. */
export interface AnswerKeyEntry {
  /** The key as written. */
  written: string;
  /** The alternatives as written: "colour / color" → ["colour", "color"]. */
  alternatives: string[];
  /**
   * Every accepted answer text, optional words expanded:
   * "(the) river" → ["the river", "river"]; "(the / a) bank" → ["bank", "the bank", "a bank"].
   */
  accepted: string[];
}

/** Most accepted texts one entry may expand to; more optional groups than this is a key error. */
export const MAXIMUM_ACCEPTED_ANSWERS = 256;

type Segment = { kind: 'text'; text: string } | { kind: 'optional'; options: string[] };

const OPENERS: Readonly<Record<string, string>> = { '(': ')', '[': ']' };

// "/" separates alternatives except between digits ("24/7", "3/4").
function isSlashSeparator(text: string, index: number): boolean {
  return !(/\d/.test(text[index - 1] ?? '') && /\d/.test(text[index + 1] ?? ''));
}

// Splits at top level (outside brackets) on "/" and on the word "OR" in capitals, the two
// ways answer keys print alternatives.
function splitAlternatives(text: string): string[] {
  const alternatives: string[] = [];
  let depth = 0;
  let current = '';
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index] ?? '';
    if (character in OPENERS) depth += 1;
    else if ((character === ')' || character === ']') && depth > 0) depth -= 1;
    if (depth === 0 && character === '/' && isSlashSeparator(text, index)) {
      alternatives.push(current);
      current = '';
      continue;
    }
    if (depth === 0 && /\sOR\s/.test(text.slice(index - 1, index + 3)) && text.slice(index, index + 2) === 'OR') {
      alternatives.push(current);
      current = '';
      index += 1;
      continue;
    }
    current += character;
  }
  alternatives.push(current);
  return alternatives.map((alternative) => alternative.replace(/\s+/g, ' ').trim()).filter((alternative) => alternative !== '');
}

// Splits one alternative into literal text and optional groups "(the)" / "[the]".
function segmentsOf(alternative: string): Segment[] {
  const segments: Segment[] = [];
  let text = '';
  let index = 0;
  while (index < alternative.length) {
    const character = alternative[index] ?? '';
    const closer = OPENERS[character];
    const end = closer === undefined ? -1 : alternative.indexOf(closer, index + 1);
    if (closer !== undefined && end > index + 1) {
      const inner = alternative.slice(index + 1, end);
      if (!/[([]/.test(inner)) {
        if (text) segments.push({ kind: 'text', text });
        text = '';
        const options = inner
          .split('/')
          .map((option) => option.trim())
          .filter((option) => option !== '');
        segments.push({ kind: 'optional', options: ['', ...options] });
        index = end + 1;
        continue;
      }
    }
    text += character;
    index += 1;
  }
  if (text) segments.push({ kind: 'text', text });
  return segments;
}

function expand(segments: readonly Segment[]): string[] {
  let results = [''];
  for (const segment of segments) {
    const choices = segment.kind === 'text' ? [segment.text] : segment.options;
    const next: string[] = [];
    for (const result of results) for (const choice of choices) next.push(`${result} ${choice}`);
    results = next.slice(0, MAXIMUM_ACCEPTED_ANSWERS);
  }
  return results.map((result) => result.replace(/\s+/g, ' ').trim()).filter((result) => result !== '');
}

/**
 * Reads one answer-key entry: alternatives separated by "/" or " OR " ("colour / color",
 * "lorry OR truck"), and optional words in round or square brackets, which may themselves
 * list alternatives ("(the) river", "[in] (the / a) car"). A "/" between digits is part of
 * the answer ("24/7"). Returns the alternatives as written and every accepted text.
 */
export function parseAnswerKeyEntry(written: string): AnswerKeyEntry {
  const alternatives = splitAlternatives(written);
  const accepted: string[] = [];
  for (const alternative of alternatives) {
    for (const text of expand(segmentsOf(alternative))) {
      if (!accepted.includes(text) && accepted.length < MAXIMUM_ACCEPTED_ANSWERS) accepted.push(text);
    }
  }
  return { written, alternatives, accepted };
}
