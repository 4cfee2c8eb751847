/**
 * Numbers written in words or digits, so that answer-key marking can accept "3" for "three",
 * "15" for "fifteen" and "1,000" for "one thousand" where a key allows numbers.
 */

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const TEENS: Readonly<Record<string, number>> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = { thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };

// Ordinal words and the cardinal each stands for.
const ORDINALS: Readonly<Record<string, string>> = {
  first: 'one',
  second: 'two',
  third: 'three',
  fourth: 'four',
  fifth: 'five',
  sixth: 'six',
  seventh: 'seven',
  eighth: 'eight',
  ninth: 'nine',
  tenth: 'ten',
  eleventh: 'eleven',
  twelfth: 'twelve',
  thirteenth: 'thirteen',
  fourteenth: 'fourteen',
  fifteenth: 'fifteen',
  sixteenth: 'sixteen',
  seventeenth: 'seventeen',
  eighteenth: 'eighteen',
  nineteenth: 'nineteen',
  twentieth: 'twenty',
  thirtieth: 'thirty',
  fortieth: 'forty',
  fiftieth: 'fifty',
  sixtieth: 'sixty',
  seventieth: 'seventy',
  eightieth: 'eighty',
  ninetieth: 'ninety',
  hundredth: 'hundred',
  thousandth: 'thousand',
  millionth: 'million',
  billionth: 'billion',
};

/** A number read from words or digits. */
export interface ParsedNumber {
  value: number;
  /** "third", "3rd". */
  ordinal: boolean;
}

/** The ordinal suffix English uses after a number: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st. */
export function ordinalSuffix(value: number): 'st' | 'nd' | 'rd' | 'th' {
  const lastTwo = value % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return 'th';
  const last = value % 10;
  return last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th';
}

// Parses 1–999 written as words ("seven", "forty two", "three hundred and five") from the
// start of `words`; returns the value and how many words it used, or undefined.
function parseBelowThousand(words: readonly string[], start: number): { value: number; next: number } | undefined {
  let index = start;
  let value = 0;
  const readBelowHundred = (): number | undefined => {
    const word = words[index];
    if (word === undefined) return undefined;
    if (word in TEENS) {
      index += 1;
      return TEENS[word];
    }
    if (word in TENS) {
      index += 1;
      const unit = words[index];
      if (unit !== undefined && unit in UNITS && unit !== 'zero') {
        index += 1;
        return (TENS[word] ?? 0) + (UNITS[unit] ?? 0);
      }
      return TENS[word];
    }
    if (word in UNITS && word !== 'zero') {
      index += 1;
      return UNITS[word];
    }
    return undefined;
  };

  // "a hundred", "a thousand": the article stands for one only before a scale word.
  if (words[index] === 'a' && (words[index + 1] === 'hundred' || (words[index + 1] ?? '') in SCALES)) {
    index += 1;
    if (words[index] !== 'hundred') return { value: 1, next: index };
    value = 1;
  } else {
    const first = readBelowHundred();
    if (first === undefined) return undefined;
    value = first;
  }
  if (words[index] === 'hundred') {
    // "fifteen hundred" is 1,500; "twenty-one hundred" is 2,100.
    index += 1;
    value *= 100;
    const afterHundred = index;
    if (words[index] === 'and') index += 1;
    const rest = readBelowHundred();
    if (rest === undefined) index = afterHundred;
    else value += rest;
  }
  return { value, next: index };
}

/**
 * Reads a whole word sequence as a cardinal or ordinal number: "three", "twenty one",
 * "one hundred and five", "a thousand", "two million", "twenty-first" (split hyphenated words
 * first). Returns undefined when the words are not exactly one number.
 */
export function parseNumberWords(words: readonly string[]): ParsedNumber | undefined {
  if (words.length === 0) return undefined;
  const last = words[words.length - 1] ?? '';
  const ordinal = last in ORDINALS;
  const cardinalWords = ordinal ? [...words.slice(0, -1), ORDINALS[last] ?? ''] : words;
  if (cardinalWords.length === 1 && cardinalWords[0] === 'zero') return { value: 0, ordinal };
  // A lone "hundred" or "thousand" ("the hundredth") means one of them.
  if (cardinalWords.length === 1 && (cardinalWords[0] === 'hundred' || (cardinalWords[0] ?? '') in SCALES)) {
    return { value: cardinalWords[0] === 'hundred' ? 100 : (SCALES[cardinalWords[0] ?? ''] ?? 0), ordinal };
  }

  let total = 0;
  let index = 0;
  let previousScale = Infinity;
  while (index < cardinalWords.length) {
    if (index > 0 && cardinalWords[index] === 'and') index += 1;
    const group = parseBelowThousand(cardinalWords, index);
    if (!group) return undefined;
    index = group.next;
    const scaleWord = cardinalWords[index];
    if (scaleWord !== undefined && scaleWord in SCALES) {
      const scale = SCALES[scaleWord] ?? 1;
      // Scales fall: "two million three thousand", never "three thousand two million".
      if (scale >= previousScale) return undefined;
      previousScale = scale;
      total += group.value * scale;
      index += 1;
    } else {
      if (index < cardinalWords.length) return undefined;
      // A group without a scale ends the number and must be smaller than the last scale.
      if (group.value >= previousScale) return undefined;
      total += group.value;
    }
  }
  return { value: total, ordinal };
}

const DIGITS = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const DIGIT_ORDINAL = /^(\d+)(st|nd|rd|th)$/;

/**
 * Reads a number written in digits: "15", "1,000", "3.5", "21st". A wrongly suffixed
 * ordinal ("21th"), a badly grouped number ("1,00") and anything else give undefined.
 */
export function parseDigits(token: string): ParsedNumber | undefined {
  const ordinal = DIGIT_ORDINAL.exec(token);
  if (ordinal) {
    const value = Number(ordinal[1]);
    return ordinalSuffix(value) === ordinal[2] ? { value, ordinal: true } : undefined;
  }
  if (!DIGITS.test(token)) return undefined;
  return { value: Number(token.replaceAll(',', '')), ordinal: false };
}

/** The canonical text of a number: "1000", "3.5", "21st". */
export function formatNumber(number: ParsedNumber): string {
  const digits = Number.isInteger(number.value) ? number.value.toFixed(0) : String(number.value);
  return number.ordinal ? `${digits}${ordinalSuffix(number.value)}` : digits;
}

// A number glued to a unit or currency ("£1,000", "1,000km", "15%"): its digits are
// canonicalised and the rest kept.
const GLUED = /^(\p{Sc}*)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([\p{L}%]*)$/u;

function canonicalDigitsToken(token: string): string | undefined {
  const whole = parseDigits(token);
  if (whole) return formatNumber(whole);
  const glued = GLUED.exec(token);
  if (!glued || (glued[1] === '' && glued[3] === '')) return undefined;
  const inner = parseDigits(glued[2] ?? '');
  // Leading zeros are kept as written: "007" and "0161" are codes, not amounts.
  if (!inner || /^0\d/.test(glued[2] ?? '')) return undefined;
  return `${glued[1]}${formatNumber(inner)}${glued[3]}`;
}

/**
 * Rewrites numbers in a list of lowercase answer tokens to one canonical spelling, so that
 * "three", "3", "fifteen hundred", "1,500", "twenty-first", "21st" and "two million" compare
 * equal to their digit forms. Number words are read across spaces and hyphens ("twenty-one",
 * "five-year-old" → "5-year-old"); "3 million" becomes "3000000". Other tokens are unchanged.
 */
export function canonicalizeNumbers(tokens: readonly string[]): string[] {
  // Flatten tokens into parts, remembering whether a part began a token or followed a hyphen.
  const parts: Array<{ text: string; joiner: ' ' | '-' }> = [];
  for (const token of tokens) {
    for (const [index, text] of token.split('-').entries()) parts.push({ text, joiner: index === 0 ? ' ' : '-' });
  }
  const output: Array<{ text: string; joiner: ' ' | '-' }> = [];
  let index = 0;
  while (index < parts.length) {
    const part = parts[index] as { text: string; joiner: ' ' | '-' };
    const digits = part.text.startsWith('0') && /^0\d/.test(part.text) ? undefined : parseDigits(part.text);
    if (digits && !digits.ordinal) {
      // "3 million", "1.5 billion".
      const scale = parts[index + 1]?.text;
      if (scale !== undefined && (scale === 'hundred' || scale in SCALES)) {
        const factor = scale === 'hundred' ? 100 : (SCALES[scale] ?? 1);
        output.push({
          text: formatNumber({ value: Math.round(digits.value * factor * 1000) / 1000, ordinal: false }),
          joiner: part.joiner,
        });
        index += 2;
        continue;
      }
    }
    const glued = canonicalDigitsToken(part.text);
    if (glued !== undefined && !/^0\d/.test(part.text)) {
      output.push({ text: glued, joiner: part.joiner });
      index += 1;
      continue;
    }
    // The longest run of words from here that reads as one number.
    let matched = false;
    for (let end = Math.min(parts.length, index + 12); end > index; end -= 1) {
      const words = parts.slice(index, end).map((candidate) => candidate.text);
      if (words[words.length - 1] === 'and' || words[words.length - 1] === 'a') continue;
      const parsed = parseNumberWords(words);
      if (parsed) {
        output.push({ text: formatNumber(parsed), joiner: part.joiner });
        index = end;
        matched = true;
        break;
      }
    }
    if (!matched) {
      output.push(part);
      index += 1;
    }
  }
  const tokensOut: string[] = [];
  for (const part of output) {
    if (part.joiner === '-' && tokensOut.length > 0) tokensOut[tokensOut.length - 1] += `-${part.text}`;
    else tokensOut.push(part.text);
  }
  return tokensOut;
}

const UNIT_WORDS = Object.keys(UNITS);
const TEEN_WORDS = Object.keys(TEENS);
const TENS_WORDS = Object.keys(TENS);

function belowThousandToWords(value: number): string {
  const hundreds = Math.floor(value / 100);
  const rest = value % 100;
  const restWords =
    rest === 0
      ? ''
      : rest < 10
        ? (UNIT_WORDS[rest] ?? '')
        : rest < 20
          ? (TEEN_WORDS[rest - 10] ?? '')
          : `${TENS_WORDS[Math.floor(rest / 10) - 2] ?? ''}${rest % 10 === 0 ? '' : `-${UNIT_WORDS[rest % 10] ?? ''}`}`;
  if (hundreds === 0) return restWords;
  return `${UNIT_WORDS[hundreds] ?? ''} hundred${restWords ? ` and ${restWords}` : ''}`;
}

/**
 * Writes a whole number from 0 to 999,999,999,999 in British English words:
 * 21 → "twenty-one", 105 → "one hundred and five", 2,000,000 → "two million".
 */
export function numberToWords(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value >= 1e12)
    throw new RangeError(`numberToWords takes a whole number from 0 to 999,999,999,999, got ${value}`);
  if (value === 0) return 'zero';
  const groups: string[] = [];
  let remaining = value;
  for (const [name, scale] of [
    ['billion', 1e9],
    ['million', 1e6],
    ['thousand', 1e3],
  ] as const) {
    const count = Math.floor(remaining / scale);
    if (count > 0) groups.push(`${belowThousandToWords(count)} ${name}`);
    remaining %= scale;
  }
  if (remaining > 0)
    groups.push(remaining < 100 && groups.length > 0 ? `and ${belowThousandToWords(remaining)}` : belowThousandToWords(remaining));
  return groups.join(' ');
}
