import { tagText, type TaggedToken as Token } from './part-of-speech-tagger.js';
import type { GrammarSlip } from './offline-grammar-slips.js';

/** The learner error kinds the part-of-speech rules look for (the ones Harper misses). */
export type LearnerErrorKind = 'agreement' | 'modal_to' | 'countable_noun';

/** One learner error found by the part-of-speech rules, where it is in the text. */
export interface LearnerError extends GrammarSlip {
  /** Which rule found it. */
  kind: LearnerErrorKind;
  /** Offset of the quote in the text (UTF-16 code units). */
  start: number;
}

const MODALS = new Set(['can', 'could', 'may', 'might', 'must', 'should', 'shall', 'will', 'would']);
// Not "both": "both pop and rock music" is right.
const PLURAL_QUANTIFIERS = new Set(['many', 'several', 'few', 'these', 'those', 'various', 'numerous']);
const SINGULAR_QUANTIFIERS = new Set(['every', 'each']);
const IRREGULAR_PLURALS = new Set(['people', 'children', 'men', 'women', 'police', 'teeth', 'feet', 'mice']);
// Nouns that take no plural in standard English: "many information" is wrong, but "many informations" too.
const UNCOUNTABLE = new Set([
  'information',
  'advice',
  'knowledge',
  'equipment',
  'furniture',
  'evidence',
  'homework',
  'research',
  'money',
  'traffic',
  'pollution',
  'water',
  'time',
  'work',
  'news',
  'education',
  'health',
  'stuff',
  'luggage',
]);
const THIRD_PERSON_SINGULAR = new Set(['he', 'she', 'it', 'this', 'that']);
// The tagger does not mark tense: irregular past forms (and forms the same in both tenses) are
// not base verbs missing their -s ("because it gave them").
const IRREGULAR_PAST = new Set(
  'was were had did said went gave made took came saw got told found thought became began brought bought felt kept left lost meant met paid ran sat stood understood won wrote grew knew led built chose fell held drew drove ate forgot hid rose sold sent spoke broke fought taught caught heard slept threw wore woke put set cut let hit cost hurt read shut spread quit'.split(
    ' ',
  ),
);

function isPluralNoun(token: Token): boolean {
  if (IRREGULAR_PLURALS.has(token.lower)) return true;
  return token.tag === 'NOUN' && /[^s]s$/.test(token.lower) && token.lower.length > 3;
}

function baseOfThirdPerson(verb: string): string {
  if (/[^aeiou]ies$/.test(verb)) return `${verb.slice(0, -3)}y`;
  if (/(ches|shes|sses|xes|zzes|oes)$/.test(verb)) return verb.slice(0, -2);
  return verb.slice(0, -1);
}

function thirdPersonOf(verb: string): string {
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  if (/(ch|sh|ss|x|z|o)$/.test(verb)) return `${verb}es`;
  return `${verb}s`;
}

function pluralOf(noun: string): string {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(ch|sh|ss|x|z)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

function singularOf(noun: string): string {
  if (/[^aeiou]ies$/.test(noun)) return `${noun.slice(0, -3)}y`;
  if (/(ches|shes|sses|xes)$/.test(noun)) return noun.slice(0, -2);
  return noun.slice(0, -1);
}

function quoteOf(text: string, first: Token, last: Token): string {
  return text.slice(first.start, last.start + last.text.length);
}

/**
 * Finds learner errors that Harper misses, on wink-nlp's part-of-speech tags: a verb in -s after a
 * plural subject ("many people feels"), a base verb after he/she/it at the start of a clause
 * ("it reduce"), "to" after a modal ("should to invest"), and singular nouns after plural
 * quantifiers or plural nouns after "every"/"each" ("many email", "every days").
 */
export function findLearnerErrors(text: string, tokens: readonly Token[] = tagText(text)): LearnerError[] {
  const errors: LearnerError[] = [];
  const add = (kind: LearnerErrorKind, first: Token, last: Token, suggestion: string, explanation: string) => {
    errors.push({ kind, start: first.start, quote: quoteOf(text, first, last), suggestion, explanation });
  };
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    const next = tokens[index + 1];
    const previous = tokens[index - 1];
    if (next === undefined) break;
    // Plural subject + verb in -s: "people feels", "many students thinks".
    if (isPluralNoun(token) && next.tag === 'VERB' && /[^s]s$/.test(next.lower) && previous?.tag !== 'ADP' && previous?.lower !== 'of') {
      add(
        'agreement',
        token,
        next,
        `${token.text} ${baseOfThirdPerson(next.text)}`,
        `"${token.text}" is plural, so the verb has no -s: "${baseOfThirdPerson(next.lower)}".`,
      );
      continue;
    }
    // he/she/it at the start of a clause + base verb: "It reduce costs".
    const clauseStart = previous === undefined || ['PUNCT', 'SCONJ', 'CCONJ'].includes(previous.tag) || previous.lower === 'that';
    if (
      clauseStart &&
      THIRD_PERSON_SINGULAR.has(token.lower) &&
      token.tag === 'PRON' &&
      next.tag === 'VERB' &&
      /^[a-z]+$/.test(next.lower) &&
      !/(s|ed|ing)$/.test(next.lower) &&
      !IRREGULAR_PAST.has(next.lower)
    ) {
      const after = tokens[index + 2];
      if (after === undefined || after.tag !== 'PRON' || ['it', 'them', 'us'].includes(after.lower)) {
        add(
          'agreement',
          token,
          next,
          `${token.text} ${thirdPersonOf(next.text)}`,
          `After "${token.lower}" a present-tense verb takes -s: "${thirdPersonOf(next.lower)}".`,
        );
        continue;
      }
    }
    // Modal + to + verb: "should to invest".
    if (MODALS.has(token.lower) && next.lower === 'to' && tokens[index + 2]?.tag === 'VERB') {
      const verb = tokens[index + 2] as Token;
      add('modal_to', token, verb, `${token.text} ${verb.text}`, `No "to" after "${token.lower}": "${token.lower} ${verb.lower}".`);
      index += 2;
      continue;
    }
    // many/several/few + singular countable noun: "many email".
    if (
      PLURAL_QUANTIFIERS.has(token.lower) &&
      next.tag === 'NOUN' &&
      !/s$/.test(next.lower) &&
      !UNCOUNTABLE.has(next.lower) &&
      !IRREGULAR_PLURALS.has(next.lower) &&
      /^[a-z]+$/.test(next.lower)
    ) {
      const following = tokens[index + 2];
      // "many email addresses": the noun is a modifier of the next noun.
      if (following?.tag !== 'NOUN') {
        add(
          'countable_noun',
          token,
          next,
          `${token.text} ${pluralOf(next.text)}`,
          `After "${token.lower}" a countable noun is plural: "${pluralOf(next.lower)}".`,
        );
        continue;
      }
    }
    // every/each + plural noun: "every days".
    if (SINGULAR_QUANTIFIERS.has(token.lower) && next.tag === 'NOUN' && /[^s]s$/.test(next.lower) && next.lower.length > 3) {
      add(
        'countable_noun',
        token,
        next,
        `${token.text} ${singularOf(next.text)}`,
        `After "${token.lower}" the noun is singular: "${singularOf(next.lower)}".`,
      );
    }
  }
  return errors;
}
