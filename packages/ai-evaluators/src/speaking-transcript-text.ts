// Transcripts are untrusted text: screened with the shared untrusted-text rules (normalised,
// sentences addressed to the scorer removed) and fenced with a speaking-specific random tag
// (the shared delimiter is labelled for essays).
import { detectPromptInjection, normaliseUntrustedText, screenUntrustedText } from './untrusted-text.js';

/**
 * Normalises text a candidate supplied before it goes into a prompt: NFKC, invisible,
 * bidi-control, tag and control characters removed, line endings unified.
 */
export function normalizeUntrustedText(text: string): string {
  return normaliseUntrustedText(text).text;
}

/**
 * A fresh delimiter tag such as `CANDIDATE_DATA_3f9a1c7e2b`, so a transcript cannot close
 * the block it sits in by guessing the tag. `random` (default Web Crypto) is injected for reproducible prompts.
 */
export function createDelimiterTag(random: () => number = secureRandom): string {
  let suffix = '';
  for (let index = 0; index < 10; index += 1) suffix += Math.floor(random() * 16).toString(16);
  return `CANDIDATE_DATA_${suffix}`;
}

// 32 random bits from Web Crypto, as a number in [0, 1).
function secureRandom(): number {
  return (globalThis.crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) / 2 ** 32;
}

/**
 * Wraps untrusted text in an opening and closing tag, screened first: normalised, and the
 * sentences that try to steer the scorer removed ({@link screenUntrustedText}). Any occurrence
 * of the tag inside the text (a lucky or copied guess) is removed too.
 */
export function delimitUntrustedText(text: string, tag: string): string {
  const clean = screenUntrustedText(text).text.split(tag).join('');
  return `<${tag}>\n${clean}\n</${tag}>`;
}

/**
 * True when a transcript tries to instruct the scorer (the shared injection rules, run on the
 * normalised text), or hides text in Unicode tag characters, which no speech recogniser writes.
 */
export function looksLikePromptInjection(text: string): boolean {
  const normalised = normaliseUntrustedText(text);
  if (normalised.hiddenText.trim() !== '') return true;
  return detectPromptInjection(normalised.text).length > 0;
}
