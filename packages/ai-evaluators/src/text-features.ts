import { countWords } from '@ielts-genai-prep/core';
import { mean, standardDeviation } from './offline-statistics.js';
import { findLearnerErrors } from './learner-grammar-rules.js';
import { tagText, type TaggedToken } from './part-of-speech-tagger.js';
import { findGrammarSlips, type GrammarSlip } from './offline-grammar-slips.js';
import { findSpellingErrors, isKnownWord, type SpellingError } from './spelling-errors.js';
import type { Lexicon } from './spelling-lexicon.js';
import { normalizeStoredText } from './text-normalization.js';

/**
 * Measurable features of a written answer, the inputs of the offline writing model. Each
 * is a plain number; rates are per 100 words or per sentence so that they do not grow
 * with length (length has features of its own).
 */
export const WRITING_FEATURE_NAMES = [
  // Task: length against the minimum, use of the prompt, task-specific moves.
  'length_ratio',
  'log_length_ratio',
  'under_length',
  'prompt_coverage',
  'prompt_copy_share',
  'number_rate',
  'overview_marker',
  'opinion_marker',
  'conclusion_marker',
  'first_person_rate',
  // Coherence and cohesion: paragraphing and linking.
  'paragraph_count',
  'single_paragraph',
  'connector_rate',
  'connector_variety',
  'connector_categories',
  'sentence_initial_connector_share',
  'reference_rate',
  // Lexical resource: diversity, sophistication, spelling.
  'mattr',
  'mean_word_length',
  'long_word_share',
  'common_word_share',
  'rare_word_share',
  'advanced_word_share',
  'rare_type_count_log',
  'spelling_error_rate',
  'spelling_errors_log',
  'top_word_share',
  // Grammatical range and accuracy: sentence length and variety, clauses, punctuation, slips.
  'mean_sentence_words',
  'sentence_length_sd',
  'long_sentence_share',
  'short_sentence_share',
  'subordinator_rate',
  'relative_pronoun_rate',
  'passive_rate',
  'modal_rate',
  'comma_per_sentence',
  'punctuation_variety',
  'capitalisation_error_rate',
  'spacing_error_rate',
  'grammar_slip_rate',
  'learner_error_rate',
  // The grammar checker's (Harper's) grammar findings per 100 words; NaN when it did not run.
  // Its spelling findings are not a feature: the SCOWL spelling features measure spelling, and
  // a Harper spelling rate beside them fitted the collection better but new kinds of essay worse.
  'checker_grammar_rate',
] as const;

/** One of {@link WRITING_FEATURE_NAMES}. */
export type WritingFeatureName = (typeof WRITING_FEATURE_NAMES)[number];

/** The value of every writing feature. */
export type WritingFeatureValues = Record<WritingFeatureName, number>;

/** The features of an answer plus what feedback needs to quote. */
export interface WritingFeatures {
  /** Words as IELTS counts them (hyphenated words are one word). */
  wordCount: number;
  /** Paragraphs (blocks separated by line breaks). */
  paragraphCount: number;
  /** Sentences. */
  sentenceCount: number;
  /** The model inputs. */
  values: WritingFeatureValues;
  /**
   * Share of the answer's words (two letters or more) that the lexicon or the prompt knows:
   * near 1 for English, low for another language or random letters.
   */
  knownWordShare: number;
  /** Misspelt words found. */
  spellingErrors: SpellingError[];
  /** Distinct linking words and phrases used, lowercase. */
  connectorsUsed: string[];
  /** The functions of the linking words used (`addition`, `contrast`, … as in {@link CONNECTORS}). */
  connectorCategories: string[];
  /** Content words used most often, with their counts. */
  mostRepeatedWords: Array<{ word: string; count: number }>;
  /**
   * Quoted grammar slips: the word patterns' ("a advantage", "the the"), then the part-of-speech
   * rules' learner errors ("Many people feels") that the patterns did not already quote.
   */
  grammarSlips: GrammarSlip[];
  /** Distinct words that open complex structures ("although", "if", "which"), in order of first use. */
  complexStructureWords: string[];
  /** Vague general words used ("good", "things"), with their counts, most used first. */
  generalWordsUsed: Array<{ word: string; count: number }>;
  /** The first sentence that states the writer's position ("I believe …"), if any. */
  positionStatement: string | undefined;
}

/** Vague words that examiners read as a limited range of vocabulary when they recur. */
export const GENERAL_WORDS: ReadonlySet<string> = new Set([
  'good',
  'bad',
  'thing',
  'things',
  'stuff',
  'nice',
  'big',
  'lot',
  'lots',
  'really',
  'get',
  'got',
]);

/** What {@link measureWritingFeatures} needs. */
export interface MeasureWritingFeaturesInput {
  /** The learner's answer. */
  text: string;
  /** The task prompt; empty when unknown (the prompt features are then 0). */
  prompt: string;
  /** The task's minimum word count (150 for task 1, 250 for task 2). */
  minimumWords: number;
  /** The word list used for spelling and word frequency. */
  lexicon: Lexicon;
  /**
   * The part-of-speech tags of the normalised text (`tagText(normalizeStoredText(text))`), when
   * the caller has tagged it already; tagged here otherwise.
   */
  tokens?: readonly TaggedToken[];
  /**
   * How many spelling and grammar findings the grammar checker (Harper, not the part-of-speech
   * rules) made on the normalised text; without it the checker's grammar rate is NaN (unknown).
   */
  grammarCheck?: GrammarCheckCounts;
}

/** Harper's findings on an answer, by kind. */
export interface GrammarCheckCounts {
  spelling: number;
  grammar: number;
}

/** Linking words and phrases by function. Longer phrases are matched before their parts. */
export const CONNECTORS: Readonly<Record<string, readonly string[]>> = {
  addition: ['furthermore', 'moreover', 'in addition', 'additionally', 'besides', 'what is more', 'also', 'as well as', 'not only'],
  contrast: [
    'however',
    'nevertheless',
    'nonetheless',
    'on the other hand',
    'in contrast',
    'by contrast',
    'whereas',
    'while',
    'whilst',
    'although',
    'even though',
    'despite',
    'in spite of',
    'conversely',
    'on the contrary',
    'yet',
    'but',
  ],
  cause: [
    'therefore',
    'thus',
    'consequently',
    'as a result',
    'hence',
    'because',
    'because of',
    'due to',
    'since',
    'owing to',
    'as a consequence',
    'for this reason',
    'so that',
    'accordingly',
  ],
  example: ['for example', 'for instance', 'such as', 'namely', 'in particular', 'particularly', 'to illustrate', 'specifically'],
  sequence: [
    'firstly',
    'secondly',
    'thirdly',
    'first of all',
    'finally',
    'lastly',
    'then',
    'subsequently',
    'afterwards',
    'meanwhile',
    'initially',
    'to begin with',
    'followed by',
    'next',
  ],
  comparison: ['similarly', 'likewise', 'in the same way', 'compared to', 'compared with', 'in comparison', 'the same as', 'equally'],
  summary: [
    'in conclusion',
    'to conclude',
    'to sum up',
    'in summary',
    'overall',
    'in general',
    'generally',
    'all in all',
    'in short',
    'on the whole',
    'to summarise',
    'to summarize',
  ],
  emphasis: ['indeed', 'in fact', 'clearly', 'obviously', 'undoubtedly', 'certainly', 'of course', 'notably', 'significantly'],
};

const connectorPhrases = Object.entries(CONNECTORS)
  .flatMap(([category, phrases]) => phrases.map((phrase) => ({ phrase, category, words: phrase.split(' ') })))
  .sort((left, right) => right.words.length - left.words.length);

/** Function words, which say nothing about an answer's topic or vocabulary. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if of to in on at by for with from into onto about above below over under between among through during ' +
    "before after as than then so such that this these those there here it its it's is are was were be been being am do does did " +
    'doing have has had having i me my mine we us our ours you your yours he him his she her hers they them their theirs what which ' +
    'who whom whose when where why how all any both each few more most other some no nor not only own same too very can could will ' +
    'would shall should may might must also just one two three many much while whereas because although though however therefore ' +
    'thus hence up down out off again further once'
  ).split(/\s+/),
);

// Words of the standard task instructions, which say nothing about the topic.
export const PROMPT_INSTRUCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'summarise summarize information selecting reporting main features make making comparisons comparison relevant write writing least ' +
    'words word give reasons reason answer include including examples example knowledge experience discuss discussing views view ' +
    'opinion agree disagree extent below shows show chart graph table diagram describe question own essay letter ' +
    'people person think believe others important nowadays today argue consider claim say said'
  ).split(/\s+/),
);

const SUBORDINATORS = new Set([
  'because',
  'although',
  'though',
  'unless',
  'whereas',
  'while',
  'whilst',
  'if',
  'when',
  'whenever',
  'since',
  'until',
  'whether',
  'wherever',
]);
const RELATIVE_PRONOUNS = new Set(['which', 'who', 'whom', 'whose', 'that']);

/**
 * Whether a word opens a subordinate or relative clause (`because`, `although`, `which`, `who`…):
 * the complex structures of both scorers. `that` is left out: it is as often a determiner.
 */
export function isClauseOpener(word: string): boolean {
  return SUBORDINATORS.has(word) || (RELATIVE_PRONOUNS.has(word) && word !== 'that');
}
const MODALS = new Set(['can', 'could', 'may', 'might', 'must', 'should', 'would', 'shall', 'will', 'ought']);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const REFERENCES = new Set(['this', 'these', 'those', 'such', 'former', 'latter', 'it', 'they', 'their', 'them', 'its']);
const FIRST_PERSON = new Set(['i', 'me', 'my', 'mine', 'myself']);
const IRREGULAR_PARTICIPLES = new Set([
  'done',
  'made',
  'given',
  'taken',
  'seen',
  'known',
  'shown',
  'written',
  'built',
  'bought',
  'taught',
  'thought',
  'brought',
  'sold',
  'spent',
  'kept',
  'held',
  'left',
  'paid',
  'found',
  'put',
  'set',
  'cut',
  'grown',
  'driven',
  'chosen',
  'spoken',
  'born',
  'eaten',
  'drawn',
  'forgotten',
  'hidden',
  'broken',
  'stolen',
  'worn',
  'told',
  'sent',
  'lost',
  'won',
  'led',
  'fed',
  'met',
  'read',
]);
const OVERVIEW_PATTERN =
  /\b(overall|in general|generally speaking|it is (clear|evident|apparent|noticeable) that|at first glance|in summary|to summari[sz]e|the most (noticeable|striking|significant))\b/i;
const OPINION_PATTERN =
  /\b(i (strongly |firmly |completely |partly |totally )?(believe|think|agree|disagree|feel|consider|argue)|in my (opinion|view)|from my (perspective|point of view)|my (own )?view|i am (convinced|of the opinion))\b/i;
const CONCLUSION_PATTERN =
  /\b(in conclusion|to conclude|to sum up|in summary|all in all|to summari[sz]e|in a nutshell|taking everything into account)\b/i;

function countedWords(words: readonly string[]): Array<{ word: string; count: number }> {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts].sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0])).map(([word, count]) => ({ word, count }));
}

/** The paragraphs of a text: blocks separated by line breaks, empty ones dropped. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => /\p{L}/u.test(paragraph));
}

/** The sentences of a text: split after `.`, `!` or `?` before a space or line break, and at line breaks. */
export function splitSentences(text: string): string[] {
  const protectedText = text.replace(/\b(e\.g|i\.e|etc|vs|approx|mr|mrs|dr|st)\./gi, (match) => match.replace(/\./g, '\u0000'));
  return protectedText
    .split(/(?<=[.!?])["'\u201d\u2019)]?\s+|\r?\n+/)
    .map((sentence) => sentence.replace(/\u0000/g, '.').trim())
    .filter((sentence) => /\p{L}/u.test(sentence));
}

/** The lowercase words of a text, letters only (numbers are left out; "well-known" and "don't" stay one word). */
export function tokenizeWords(text: string): string[] {
  return (text.match(/\p{L}+(?:['\u2019\u2010\u2011-]\p{L}+)*/gu) ?? []).map((word) => word.toLowerCase().replace(/\u2019/g, "'"));
}

/**
 * Moving-average type–token ratio: the mean share of distinct words in every window of
 * `window` words (the plain ratio when the text is shorter). Unlike the plain ratio it does
 * not fall as a text gets longer.
 */
export function movingAverageTypeTokenRatio(words: readonly string[], window = 50): number {
  if (words.length === 0) return 0;
  if (words.length <= window) return new Set(words).size / words.length;
  const counts = new Map<string, number>();
  for (const word of words.slice(0, window)) counts.set(word, (counts.get(word) ?? 0) + 1);
  let total = counts.size / window;
  for (let start = 1; start + window <= words.length; start++) {
    const leaving = words[start - 1] as string;
    const entering = words[start + window - 1] as string;
    const remaining = (counts.get(leaving) ?? 0) - 1;
    if (remaining === 0) counts.delete(leaving);
    else counts.set(leaving, remaining);
    counts.set(entering, (counts.get(entering) ?? 0) + 1);
    total += counts.size / window;
  }
  return total / (words.length - window + 1);
}

/** A light suffix-stripping stem, enough to match "increase", "increased" and "increasing". */
export function stem(word: string): string {
  let result = word.toLowerCase().replace(/'s$/, '');
  for (const [suffix, replacement] of [
    ['ational', 'ate'],
    ['ization', 'ize'],
    ['isation', 'ise'],
    ['fulness', 'ful'],
    ['iveness', 'ive'],
    ['ments', ''],
    ['ment', ''],
    ['ingly', ''],
    ['ing', ''],
    ['edly', ''],
    ['ies', 'y'],
    ['ied', 'y'],
    ['ed', ''],
    ['ly', ''],
    ['es', ''],
    ['s', ''],
  ] as const) {
    if (result.endsWith(suffix) && result.length - suffix.length >= 3) {
      result = result.slice(0, -suffix.length) + replacement;
      break;
    }
  }
  return result.replace(/e$/, '');
}

/** The linking words and phrases of a list of lowercase words, with their functions. */
export function findConnectors(words: readonly string[]): Array<{ phrase: string; category: string; index: number }> {
  const found: Array<{ phrase: string; category: string; index: number }> = [];
  let index = 0;
  while (index < words.length) {
    const match = connectorPhrases.find((connector) => connector.words.every((word, offset) => words[index + offset] === word));
    if (match) {
      found.push({ phrase: match.phrase, category: match.category, index });
      index += match.words.length;
    } else {
      index += 1;
    }
  }
  return found;
}

/** Measures every feature of an answer. Pure: the same text, prompt and lexicon give the same numbers. */
export function measureWritingFeatures(input: MeasureWritingFeaturesInput): WritingFeatures {
  const { minimumWords, lexicon } = input;
  // Measured on the text as written, not as stored (curly quotes, lost line breaks, spacing).
  const text = normalizeStoredText(input.text);
  const prompt = normalizeStoredText(input.prompt);
  const wordCount = countWords(text);
  const words = tokenizeWords(text);
  const paragraphs = splitParagraphs(text);
  const sentences = splitSentences(text);
  const sentenceLengths = sentences.map((sentence) => countWords(sentence)).filter((length) => length > 0);
  const wordTotal = Math.max(words.length, 1);
  const per100 = (count: number) => (100 * count) / Math.max(wordCount, 1);
  const perSentence = (count: number) => count / Math.max(sentences.length, 1);

  // Task.
  const lengthRatio = wordCount / minimumWords;
  const promptWords = tokenizeWords(prompt);
  const promptStems = new Set(
    promptWords.filter((word) => !STOPWORDS.has(word) && !PROMPT_INSTRUCTION_WORDS.has(word) && word.length > 2).map(stem),
  );
  const essayStems = new Set(words.map(stem));
  const promptCoverage =
    promptStems.size === 0 ? 0 : [...promptStems].filter((promptStem) => essayStems.has(promptStem)).length / promptStems.size;
  const promptFourGrams = new Set(nGrams(promptWords, 4));
  const essayFourGrams = nGrams(words, 4);
  const promptCopyShare =
    essayFourGrams.length === 0 ? 0 : essayFourGrams.filter((gram) => promptFourGrams.has(gram)).length / essayFourGrams.length;
  const numbers = (text.match(/\d+(?:[.,]\d+)?\s*%?|\bper ?cent\b/gi) ?? []).length;

  // Coherence and cohesion.
  const connectors = findConnectors(words);
  const sentenceStarts = sentences.map((sentence) => tokenizeWords(sentence).slice(0, 4));
  const initialConnectors = sentenceStarts.filter((start) => findConnectors(start).some((connector) => connector.index === 0)).length;

  // Lexical resource.
  const contentWords = words.filter((word) => !STOPWORDS.has(word) && !word.includes("'"));
  const levels = contentWords.map((word) => lexicon.levelOf(word)).filter((level): level is number => level !== undefined);
  const levelShare = (test: (level: number) => boolean) => (levels.length === 0 ? 0 : levels.filter(test).length / levels.length);
  const rareTypes = new Set(contentWords.filter((word) => (lexicon.levelOf(word) ?? 0) >= 35));
  const spellingErrors = findSpellingErrors(text, lexicon, { knownWords: promptWords });
  const promptWordSet = new Set(promptWords);
  const checkable = words.filter((word) => word.length >= 2);
  const knownWordShare =
    checkable.length === 0
      ? 0
      : checkable.filter((word) => promptWordSet.has(word) || isKnownWord(word, lexicon)).length / checkable.length;
  const contentCounts = new Map<string, number>();
  for (const word of contentWords) contentCounts.set(stem(word), (contentCounts.get(stem(word)) ?? 0) + 1);
  const mostRepeatedWords = countedWords(contentWords).slice(0, 5);
  const topStemCount = Math.max(0, ...contentCounts.values());

  // Grammatical range and accuracy.
  const meanSentence = mean(sentenceLengths);
  const joinedWords = ` ${words.join(' ')} `;
  const subordinators =
    words.filter((word) => SUBORDINATORS.has(word)).length +
    countOccurrences(joinedWords, [' so that ', ' as long as ', ' provided that ', ' in order to ']);
  let passives = 0;
  for (let index = 0; index + 1 < words.length; index++) {
    if (!BE_FORMS.has(words[index] as string)) continue;
    const following = words[index + 1] === 'not' || words[index + 1] === 'also' ? words[index + 2] : words[index + 1];
    if (following !== undefined && (/[a-z]{3,}ed$/.test(following) || IRREGULAR_PARTICIPLES.has(following))) passives++;
  }
  const lowercaseStarts = sentences.filter((sentence) => /^["'(]?\p{Ll}/u.test(sentence)).length;
  const lowercaseI = (text.match(/(^|[\s(])i(?=['\u2019\s,.])/g) ?? []).length;
  // Spacing is the one feature read from the text as given: it is about the typing itself, so it
  // feeds the feedback only, never the fitted model (a scrape or an export changes it).
  const spacingErrors = (input.text.match(/\s[,.;:!?](?!\d)|[,;:](?=\p{L})|[a-z]\.(?=[A-Z][a-z])/gu) ?? []).length;
  const punctuationKinds =
    [',', ';', ':', '(', '"', '?', '!', '-'].filter((mark) => text.includes(mark)).length + (/['\u2019]/.test(text) ? 1 : 0);
  const grammarSlips = findGrammarSlips(text, lexicon);
  const slipQuotes = new Set(grammarSlips.map((slip) => slip.quote.toLowerCase()));
  const learnerErrors = findLearnerErrors(text, input.tokens !== undefined && text === input.text ? input.tokens : tagText(text)).filter(
    (error) => !slipQuotes.has(error.quote.toLowerCase()),
  );

  const values: WritingFeatureValues = {
    length_ratio: lengthRatio,
    log_length_ratio: Math.log(Math.max(lengthRatio, 0.01)),
    under_length: Math.max(0, 1 - lengthRatio),
    prompt_coverage: promptCoverage,
    prompt_copy_share: promptCopyShare,
    number_rate: per100(numbers),
    overview_marker: OVERVIEW_PATTERN.test(text) ? 1 : 0,
    opinion_marker: OPINION_PATTERN.test(text) ? 1 : 0,
    conclusion_marker: CONCLUSION_PATTERN.test(text) ? 1 : 0,
    first_person_rate: per100(words.filter((word) => FIRST_PERSON.has(word)).length),
    paragraph_count: paragraphs.length,
    single_paragraph: paragraphs.length <= 1 ? 1 : 0,
    connector_rate: per100(connectors.length),
    connector_variety: new Set(connectors.map((connector) => connector.phrase)).size,
    connector_categories: new Set(connectors.map((connector) => connector.category)).size,
    sentence_initial_connector_share: perSentence(initialConnectors),
    reference_rate: per100(words.filter((word) => REFERENCES.has(word)).length),
    mattr: movingAverageTypeTokenRatio(words),
    mean_word_length: mean(words.map((word) => word.replace(/['-]/g, '').length)),
    long_word_share: words.filter((word) => word.length >= 7).length / wordTotal,
    common_word_share: levelShare((level) => level <= 10),
    rare_word_share: levelShare((level) => level >= 35),
    advanced_word_share: levelShare((level) => level >= 50),
    rare_type_count_log: Math.log1p(rareTypes.size),
    spelling_error_rate: per100(spellingErrors.length),
    spelling_errors_log: Math.log1p(spellingErrors.length),
    top_word_share: contentWords.length === 0 ? 0 : topStemCount / contentWords.length,
    mean_sentence_words: meanSentence,
    sentence_length_sd: standardDeviation(sentenceLengths),
    long_sentence_share: sentenceLengths.length === 0 ? 0 : sentenceLengths.filter((length) => length > 35).length / sentenceLengths.length,
    short_sentence_share: sentenceLengths.length === 0 ? 0 : sentenceLengths.filter((length) => length < 8).length / sentenceLengths.length,
    subordinator_rate: per100(subordinators),
    relative_pronoun_rate: per100(words.filter((word) => RELATIVE_PRONOUNS.has(word)).length),
    passive_rate: perSentence(passives),
    modal_rate: per100(words.filter((word) => MODALS.has(word)).length),
    comma_per_sentence: perSentence((text.match(/,/g) ?? []).length),
    punctuation_variety: punctuationKinds,
    capitalisation_error_rate: perSentence(lowercaseStarts + lowercaseI),
    spacing_error_rate: per100(spacingErrors),
    grammar_slip_rate: per100(grammarSlips.length),
    learner_error_rate: per100(learnerErrors.length),
    checker_grammar_rate: input.grammarCheck ? per100(input.grammarCheck.grammar) : Number.NaN,
  };

  return {
    wordCount,
    paragraphCount: paragraphs.length,
    sentenceCount: sentences.length,
    values,
    knownWordShare,
    spellingErrors,
    connectorsUsed: [...new Set(connectors.map((connector) => connector.phrase))],
    connectorCategories: [...new Set(connectors.map((connector) => connector.category))],
    mostRepeatedWords,
    grammarSlips: [...grammarSlips, ...learnerErrors.map(({ quote, suggestion, explanation }) => ({ quote, suggestion, explanation }))],
    complexStructureWords: [...new Set(words.filter(isClauseOpener))],
    generalWordsUsed: countedWords(words.filter((word) => GENERAL_WORDS.has(word))),
    positionStatement: sentences.find((sentence) => OPINION_PATTERN.test(sentence))?.slice(0, 200),
  };
}

function nGrams(words: readonly string[], size: number): string[] {
  const grams: string[] = [];
  for (let index = 0; index + size <= words.length; index++) grams.push(words.slice(index, index + size).join(' '));
  return grams;
}

function countOccurrences(haystack: string, needles: readonly string[]): number {
  let count = 0;
  for (const needle of needles) count += haystack.split(needle).length - 1;
  return count;
}
