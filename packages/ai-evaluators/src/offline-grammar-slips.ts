import type { Lexicon } from './spelling-lexicon.js';

/** A grammar slip: the words as written, a correction, and why. */
export interface GrammarSlip {
  /** The words as written in the text. */
  quote: string;
  /** What to write instead. */
  suggestion: string;
  /** Why, in a sentence. */
  explanation: string;
}

const UNCOUNTABLE_PLURALS = new Set([
  'informations',
  'advices',
  'knowledges',
  'equipments',
  'furnitures',
  'evidences',
  'homeworks',
  'childrens',
  'peoples',
  'feedbacks',
  'staffs',
  'luggages',
  'sceneries',
]);
const AN_EXCEPTIONS = /^(hour|honest|honou?r|heir|herb)/;
const A_EXCEPTIONS = /^(uni|use|usu|uti|eu|one|once|ubiq|uk|us\b|euro)/;
// "A" and "an" before these are labels or letters ("groups A and B", "type A is"), not articles.
const NOT_AFTER_ARTICLE = /^(and|or|is|are|was|were|in|at|of|on|as|also|if|to|i|u|e|im)$/;
const MODALS = /^(can|could|should|must|will|would|may|might)$/;
const NEGATED_AUXILIARIES = /^(didn't|doesn't|don't|can't|cannot)$/;
const IRREGULAR_BASE: Readonly<Record<string, string>> = {
  went: 'go',
  came: 'come',
  took: 'take',
  made: 'make',
  had: 'have',
  got: 'get',
  saw: 'see',
  gave: 'give',
  thought: 'think',
  bought: 'buy',
  brought: 'bring',
  began: 'begin',
  became: 'become',
  knew: 'know',
  grew: 'grow',
  spent: 'spend',
};
const THIRD_PERSON = /^(he|she|it)$/;
const PLURAL_PERSON = /^(they|we|you|people)$/;

interface Token {
  word: string;
  start: number;
  end: number;
}

/**
 * Grammar slips a few high-precision patterns can find without a parser: "a"/"an" before the
 * wrong sound, a word written twice, uncountable nouns given an -s, double comparatives
 * ("more bigger"), subject–verb agreement with a pronoun ("he have", "they has", "people is"),
 * "there is many", a modal followed by "to" ("must to go") and a past form after "did not" or a
 * modal ("didn't went", "can helped"). Quotes keep the text's spelling and case so that they
 * can be found in it. With a lexicon, the base form of a regular verb is checked against it;
 * without one only irregular verbs are.
 */
export function findGrammarSlips(text: string, lexicon?: Lexicon): GrammarSlip[] {
  const tokens: Token[] = [...text.matchAll(/\p{L}+(?:['\u2019-]\p{L}+)*/gu)].map((match) => ({
    word: match[0].toLowerCase().replace(/\u2019/g, "'"),
    start: match.index ?? 0,
    end: (match.index ?? 0) + match[0].length,
  }));
  const original = (token: Token) => text.slice(token.start, token.end);
  const slips: GrammarSlip[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    const following = tokens[index + 1];
    const word = token.word;
    // Only neighbours separated by spaces count: "a. Apple" or "that, that" are not slips.
    const next = following !== undefined && /^\s+$/.test(text.slice(token.end, following.start)) ? following : undefined;
    if (UNCOUNTABLE_PLURALS.has(word)) {
      const suggestion = word === 'childrens' ? 'children' : word === 'peoples' ? 'people' : word.replace(/s$/, '');
      slips.push({ quote: original(token), suggestion, explanation: 'This noun takes no -s here.' });
    }
    if (next === undefined) continue;
    const pair = text.slice(token.start, next.end);
    const nextWord = next.word;
    const first = original(token);
    const second = original(next);
    const slip = (suggestion: string, explanation: string) => slips.push({ quote: pair, suggestion, explanation });
    const article = !NOT_AFTER_ARTICLE.test(nextWord) && !(second.length > 1 && second === second.toUpperCase());
    if (word === 'a' && article && /^[aeiou]/.test(nextWord) && !A_EXCEPTIONS.test(nextWord)) {
      slip(`${first}n ${second}`, 'Use "an" before a vowel sound.');
    } else if (word === 'an' && article && /^[b-df-hj-np-tv-z]/.test(nextWord) && !AN_EXCEPTIONS.test(nextWord)) {
      slip(`${first.slice(0, 1)} ${second}`, 'Use "a" before a consonant sound.');
    } else if (word === nextWord && word.length > 1 && !['had', 'that'].includes(word)) {
      slip(first, 'The word is written twice.');
    } else if ((word === 'more' || word === 'most') && COMPARATIVES.has(nextWord)) {
      slip(second, `Do not add "${word}" to a form that already ends in -er or -est.`);
    } else if (THIRD_PERSON.test(word) && /^(have|are|were)$/.test(nextWord) && !(word === 'it' && nextWord === 'were')) {
      slip(`${first} ${nextWord === 'have' ? 'has' : nextWord === 'are' ? 'is' : 'was'}`, `"${first}" takes a singular verb.`);
    } else if (PLURAL_PERSON.test(word) && /^(has|is|was|does)$/.test(nextWord)) {
      slip(`${first} ${{ has: 'have', is: 'are', was: 'were', does: 'do' }[nextWord] as string}`, `"${first}" takes a plural verb.`);
    } else if (
      word === 'there' &&
      /^(is|was)$/.test(nextWord) &&
      /^(many|several|few|two|three|four|five)$/.test(tokens[index + 2]?.word ?? '')
    ) {
      slip(`${first} ${nextWord === 'is' ? 'are' : 'were'}`, 'Use "there are" before a plural.');
    } else if (MODALS.test(word) && nextWord === 'to') {
      slip(first, `After "${first}" use the verb without "to".`);
    } else if ((NEGATED_AUXILIARIES.test(word) || MODALS.test(word)) && word !== 'would') {
      const base = baseForm(nextWord, lexicon);
      if (base !== undefined) slip(`${first} ${base}`, `After "${first}" use the base form of the verb.`);
    }
  }
  return slips;
}

// The base form of a past-tense verb, or undefined when the word is not clearly one.
function baseForm(word: string, lexicon: Lexicon | undefined): string | undefined {
  const irregular = IRREGULAR_BASE[word];
  if (irregular !== undefined) return irregular;
  if (lexicon === undefined || !/^[a-z]{3,}ed$/.test(word) || /(eed|need)$/.test(word)) return undefined;
  const candidates = [word.slice(0, -1), word.replace(/ied$/, 'y'), word.slice(0, -2)];
  if (/([b-df-hj-np-tv-z])\1ed$/.test(word)) candidates.push(word.slice(0, -3));
  // "Used", "based" and the like are also adjectives after a modal ("can be used" is not reached
  // here, but "could used" is): only verbs whose base form is known qualify.
  return candidates.find(
    (candidate) =>
      candidate !== word && candidate.length >= 2 && lexicon.levelOf(candidate) !== undefined && lexicon.levelOf(candidate)! <= 35,
  );
}

// Comparative and superlative forms of common short adjectives: "more bigger" is a slip, while
// a general -er test would catch "more water" or "more forest".
const SHORT_ADJECTIVES =
  'big large small high low easy cheap great fast slow long short old young new rich poor strong weak hard safe busy happy healthy wealthy early late close wide deep heavy simple clean quick near hot cold warm tall nice bright dark lucky noisy smart'.split(
    ' ',
  );
const COMPARATIVES = new Set(['better', 'best', 'worse', 'worst', 'further', 'furthest', ...SHORT_ADJECTIVES.flatMap(inflectAdjective)]);

function inflectAdjective(adjective: string): string[] {
  if (adjective.endsWith('y')) return [`${adjective.slice(0, -1)}ier`, `${adjective.slice(0, -1)}iest`];
  if (adjective.endsWith('e')) return [`${adjective}r`, `${adjective}st`];
  if (/[^aeiou][aeiou][bdgmnpt]$/.test(adjective)) return [`${adjective}${adjective.slice(-1)}er`, `${adjective}${adjective.slice(-1)}est`];
  return [`${adjective}er`, `${adjective}est`];
}
