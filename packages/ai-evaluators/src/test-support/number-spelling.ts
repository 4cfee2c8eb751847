// An independent spelling of the numbers 0–100, to check the number parsers and the answer
// matcher against (not numberToWords, which they would then only agree with).

/** "zero" to "nineteen", by value. */
export const SMALL_NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
] as const;

/** "twenty" to "ninety", by tens digit (empty for 0 and 1). */
export const TENS_WORDS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const;

/** `value` (0–100) in words, the tens and units joined by `joiner`: "forty-two" or "forty two". */
export function spellNumber(value: number, joiner: ' ' | '-'): string {
  if (value === 100) return 'one hundred';
  if (value < 20) return SMALL_NUMBER_WORDS[value] ?? '';
  return `${TENS_WORDS[Math.floor(value / 10)]}${value % 10 === 0 ? '' : `${joiner}${SMALL_NUMBER_WORDS[value % 10]}`}`;
}
