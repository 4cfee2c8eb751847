import type { Lexicon } from './spelling-lexicon.js';
import { findGrammarSlips } from './offline-grammar-slips.js';
import { findConnectors, isClauseOpener, movingAverageTypeTokenRatio, tokenizeWords } from './text-features.js';

/** A word and when it was said, in milliseconds from the start of the turn (core's `TimedWord`). */
export interface SpokenWord {
  /** The word as recognised (punctuation may be attached). */
  word: string;
  /** When it started, in ms from the start of the turn. */
  start_ms: number;
  /** When it ended, in ms from the start of the turn. */
  end_ms: number;
}

/** One answer of the speaking test: its part and transcript, with word timings when known. */
export interface SpokenTurn {
  /** The part of the test: 1 interview, 2 cue card, 3 discussion. */
  part: 1 | 2 | 3;
  /** The transcript text (used when there are no timed words). */
  text: string;
  /** The timed words; empty when the recogniser gave none. */
  words: readonly SpokenWord[];
}

/** What the offline speaking heuristics measure. Rates are per 100 words or per minute. */
export interface SpeakingFeatures {
  /** Words spoken, fillers included. */
  wordCount: number;
  /**
   * True when at least one answer had word timings: rate and pauses are then measured on the
   * answers that had them (answers typed or recognised without timings are left out of those).
   */
  timed: boolean;
  /** Answers with words, and how many of them had timings. */
  answers: { withWords: number; timed: number };
  /** Minutes from each timed turn's first word to its last, summed (0 without timings). */
  speakingMinutes: number;
  /** Words per minute of speaking time, over the timed answers (0 without timings). */
  wordsPerMinute: number;
  /** Silences of 1 s or more between words, per minute. */
  longPausesPerMinute: number;
  /** Silences of 3 s or more between words. */
  veryLongPauses: number;
  /** Mean words between silences of 1 s or more. */
  meanRunLength: number;
  /** Hesitation sounds ("um", "uh", "er") per 100 words. */
  fillerRate: number;
  /** Words or two-word phrases said twice in a row ("I I", "I think I think") per 100 words. */
  repetitionRate: number;
  /** Self-corrections ("I mean", "sorry", cut-off words like "go-") per 100 words. */
  selfCorrectionRate: number;
  /** Distinct linking words and phrases. */
  connectorVariety: number;
  /** The linking words and phrases used, each once, in order of first use. */
  connectorsUsed: string[];
  /** Moving-average type–token ratio of the words (fillers left out). */
  mattr: number;
  /** Share of content words beyond the commonest ~10,000 words (SCOWL level 35 or more). */
  rareWordShare: number;
  /** Subordinating conjunctions and relative pronouns per 100 words. */
  complexityRate: number;
  /** The subordinating conjunctions and relative pronouns used, each once, in order of first use. */
  subordinatorsUsed: string[];
  /** Which of past, future, perfect, conditional, passive and modal forms were used. */
  structures: string[];
  /** Grammar slips per 100 words ("a apple", "people is"). */
  slipRate: number;
  /** Minutes of the longest part 2 turn (0 when none or untimed). */
  partTwoMinutes: number;
}

const FILLERS = new Set(['um', 'umm', 'uh', 'uhh', 'er', 'erm', 'ah', 'eh', 'hmm', 'mm', 'mmm']);
// The writing scorer's clause openers, and `where` as a relative ("the town where I grew up"),
// which the writing model was calibrated without.
const opensClause = (word: string) => isClauseOpener(word) || word === 'where';
const CONTENT_STOPWORDS = new Set(
  'the a an and or but so of to in on at for with from by is are was were be been am do does did have has had i you he she it we they me my your his her its our their this that these those there here not no yes very really just like well then than also can could will would should might must may'.split(
    ' ',
  ),
);
const IRREGULAR_PAST = new Set([
  'was',
  'were',
  'went',
  'had',
  'did',
  'said',
  'made',
  'took',
  'came',
  'saw',
  'got',
  'gave',
  'found',
  'thought',
  'told',
  'became',
  'left',
  'felt',
  'brought',
  'began',
  'kept',
  'held',
  'wrote',
  'stood',
  'heard',
  'met',
  'ran',
  'paid',
  'sat',
  'spoke',
  'lay',
  'led',
  'grew',
  'lost',
  'fell',
  'sent',
  'built',
  'understood',
  'spent',
  'bought',
  'taught',
  'caught',
  'ate',
  'drove',
  'flew',
  'knew',
  'won',
]);

/** Measures fluency, vocabulary and grammar features of the speaking turns. Pure. */
export function measureSpeakingFeatures(turns: readonly SpokenTurn[], lexicon: Lexicon): SpeakingFeatures {
  const allWords: string[] = [];
  let withWords = 0;
  let timedAnswers = 0;
  let timedWordCount = 0;
  let speakingMs = 0;
  let longPauses = 0;
  let veryLongPauses = 0;
  let runs = 0;
  let partTwoMs = 0;
  const texts: string[] = [];
  for (const turn of turns) {
    const timedWords = [...turn.words].sort((left, right) => left.start_ms - right.start_ms);
    const text = timedWords.length > 0 ? timedWords.map((word) => word.word).join(' ') : turn.text;
    texts.push(turn.text.trim().length > 0 ? turn.text : text);
    const words = tokenizeWords(text);
    allWords.push(...words);
    if (words.length === 0) continue;
    withWords += 1;
    if (timedWords.length === 0) continue;
    timedAnswers += 1;
    timedWordCount += words.length;
    const first = timedWords[0] as SpokenWord;
    const last = timedWords[timedWords.length - 1] as SpokenWord;
    const duration = Math.max(0, last.end_ms - first.start_ms);
    speakingMs += duration;
    if (turn.part === 2) partTwoMs = Math.max(partTwoMs, duration);
    runs += 1;
    for (let index = 1; index < timedWords.length; index++) {
      const gap = (timedWords[index] as SpokenWord).start_ms - (timedWords[index - 1] as SpokenWord).end_ms;
      if (gap >= 1000) {
        longPauses++;
        runs++;
      }
      if (gap >= 3000) veryLongPauses++;
    }
  }
  const wordCount = allWords.length;
  const per100 = (count: number) => (wordCount === 0 ? 0 : (100 * count) / wordCount);
  const minutes = speakingMs / 60_000;
  const spoken = allWords.filter((word) => !FILLERS.has(word));
  const joined = texts.join(' ');
  const connectorsUsed = [...new Set(findConnectors(spoken).map((connector) => connector.phrase))];

  let repetitions = 0;
  for (let index = 1; index < allWords.length; index++) {
    if (FILLERS.has(allWords[index] as string)) continue;
    if (allWords[index] === allWords[index - 1]) repetitions++;
    else if (index >= 3 && allWords[index] === allWords[index - 2] && allWords[index - 1] === allWords[index - 3]) repetitions++;
  }
  const selfCorrections =
    (joined.match(/\b(i mean|sorry|i'm sorry|rather|no,? wait|let me rephrase)\b/gi) ?? []).length +
    (joined.match(/\b\p{L}+-(?=\s|$|,)/gu) ?? []).length;

  const content = spoken.filter((word) => !CONTENT_STOPWORDS.has(word) && !word.includes("'"));
  const levels = content.map((word) => lexicon.levelOf(word)).filter((level): level is number => level !== undefined);
  const structures: string[] = [];
  const text = ` ${spoken.join(' ')} `;
  if (spoken.some((word) => /[a-z]{2,}ed$/.test(word) || IRREGULAR_PAST.has(word))) structures.push('past');
  if (/ (will|won't|'ll|going to) /.test(text) || spoken.some((word) => word.endsWith("'ll"))) structures.push('future');
  if (/ (have|has|had|'ve) (been|[a-z]+ed|done|seen|made|taken|gone|known|had) /.test(text) || /'ve /.test(text))
    structures.push('perfect');
  if (/ if /.test(text) && / (would|could|might|'d) /.test(text)) structures.push('conditional');
  if (
    / (is|are|was|were|be|been|being) ([a-z]{3,}ed|built|made|done|given|taken|known|shown|written|held|sold|seen|told|found|paid|taught|bought|born) /.test(
      text,
    )
  )
    structures.push('passive');
  if (/ (can|could|should|must|might|may|would) /.test(text)) structures.push('modal');

  return {
    wordCount,
    timed: timedAnswers > 0 && minutes > 0,
    answers: { withWords, timed: timedAnswers },
    speakingMinutes: minutes,
    wordsPerMinute: minutes > 0 ? timedWordCount / minutes : 0,
    longPausesPerMinute: minutes > 0 ? longPauses / minutes : 0,
    veryLongPauses,
    meanRunLength: runs > 0 ? timedWordCount / runs : wordCount,
    fillerRate: per100(allWords.filter((word) => FILLERS.has(word)).length),
    repetitionRate: per100(repetitions),
    selfCorrectionRate: per100(selfCorrections),
    connectorVariety: connectorsUsed.length,
    connectorsUsed,
    mattr: movingAverageTypeTokenRatio(spoken),
    rareWordShare: levels.length === 0 ? 0 : levels.filter((level) => level >= 35).length / levels.length,
    complexityRate: per100(spoken.filter(opensClause).length),
    subordinatorsUsed: [...new Set(spoken.filter(opensClause))],
    structures,
    slipRate: per100(findGrammarSlips(joined, lexicon).length),
    partTwoMinutes: partTwoMs / 60_000,
  };
}
