// A small private copy of the untrusted-text handling the writing evaluator also needs;
// kept here so the speaking evaluator does not depend on a file another engineer owns.

// Zero-width characters, bidirectional controls, the Unicode tag block, and other
// invisible format characters can hide instructions from a human reader while a model
// still reads them.
const invisibleCharacters = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF\u{E0000}-\u{E007F}]/gu;
// Control characters other than tab and newline.
const controlCharacters = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Normalises text a candidate supplied before it goes into a prompt: NFKC (so full-width
 * and other look-alike forms become plain letters), invisible and control characters removed,
 * line endings unified.
 */
export function normalizeUntrustedText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(invisibleCharacters, '')
    .replace(controlCharacters, '');
}

/**
 * A fresh delimiter tag such as `CANDIDATE_DATA_3f9a1c7e2b`, so a transcript cannot close
 * the block it sits in by guessing the tag. `random` is injected for reproducible prompts.
 */
export function createDelimiterTag(random: () => number = Math.random): string {
  let suffix = '';
  for (let index = 0; index < 10; index += 1) suffix += Math.floor(random() * 16).toString(16);
  return `CANDIDATE_DATA_${suffix}`;
}

/**
 * Wraps normalised untrusted text in an opening and closing delimiter. Any occurrence of the
 * tag inside the text (it cannot be guessed, but a copy of an earlier prompt could hold it)
 * is removed first.
 */
export function delimitUntrustedText(text: string, tag: string): string {
  const clean = normalizeUntrustedText(text).split(tag).join('');
  return `<${tag}>\n${clean}\n</${tag}>`;
}

// Phrases that try to steer a scorer. Checked on normalised, lowercased text; a match
// flags the answer for review and tells the learner it was not treated as instructions.
const injectionPatterns: readonly RegExp[] = [
  /\b(ignore|disregard|forget|override)\b[^.\n]{0,40}\b(instruction|instructions|prompt|rules|guidelines|rubric|above|previous)\b/,
  /\b(system|developer)\s*(prompt|message|instruction)/,
  /\byou\s+are\s+now\b/,
  /\b(give|award|assign|score|rate|grade|mark)\b[^.\n]{0,40}\bband\s*(9|nine|8\.5|eight)\b/,
  /\bband\s*(9|nine)\b[^.\n]{0,30}\b(for|on)\s+(all|every|each)\b/,
  /\bas\s+an?\s+(ai|language\s+model|examiner)\b[^.\n]{0,40}\b(must|should|will)\b/,
  /"?\b(fluency_coherence|lexical_resource|grammatical_range_accuracy|pronunciation)"?\s*:\s*\{?\s*"?band/,
  /<\/?\s*candidate_data/,
];

/** True when untrusted text contains an attempt to instruct the scorer. */
export function looksLikePromptInjection(text: string): boolean {
  const normalised = normalizeUntrustedText(text).toLowerCase();
  return injectionPatterns.some((pattern) => pattern.test(normalised));
}
