import { tagText, type TaggedToken } from './part-of-speech-tagger.js';
import { STOPWORDS, tokenizeWords } from './text-features.js';

/** Whether a text's words form English sentences, or are a word salad. */
export interface TextCoherence {
  /** Share of words that are function words ("the", "of", "because"): about 0.5 in English prose. */
  functionWordShare: number;
  /** Share of adjacent part-of-speech pairs that English grammar hardly allows ("the of", "a is"). */
  implausibleTagPairShare: number;
  /** True when either measure lies far outside every calibration essay: the sentences do not hold together. */
  incoherent: boolean;
}

// Among the 1,435 calibration essays the lowest function-word share is 0.33 and the highest
// implausible-pair share 0.048. Random advanced words score about 0 on the first; the same words
// mixed with random function words score well above 0.065 on the second. A determiner before
// punctuation is left out of the pairs: "the (A) mark" is how reports name map labels.
const MINIMUM_FUNCTION_WORD_SHARE = 0.25;
const MAXIMUM_IMPLAUSIBLE_TAG_PAIR_SHARE = 0.065;

// Universal part-of-speech pairs that well-formed English almost never shows.
const IMPLAUSIBLE_TAG_PAIRS = new Set([
  'DET>VERB',
  'DET>DET',
  'DET>ADP',
  'DET>AUX',
  'DET>PRON',
  'DET>CCONJ',
  'DET>SCONJ',
  'ADP>ADP',
  'ADP>CCONJ',
  'CCONJ>CCONJ',
  'PRON>DET',
  'PRON>PRON',
  'ADJ>DET',
  'PART>DET',
]);

/** Measures whether `text` is made of sentences or of words strung at random (`tokens`: its tags, if already made). */
export function measureTextCoherence(text: string, tokens: readonly TaggedToken[] = tagText(text)): TextCoherence {
  const words = tokenizeWords(text);
  const functionWordShare = words.length === 0 ? 0 : words.filter((word) => STOPWORDS.has(word)).length / words.length;
  const tags = tokens.map((token) => token.tag);
  let pairs = 0;
  let implausible = 0;
  for (let index = 0; index + 1 < tags.length; index++) {
    pairs++;
    if (IMPLAUSIBLE_TAG_PAIRS.has(`${tags[index]}>${tags[index + 1]}`)) implausible++;
  }
  const implausibleTagPairShare = pairs === 0 ? 0 : implausible / pairs;
  return {
    functionWordShare,
    implausibleTagPairShare,
    incoherent:
      words.length >= 30 &&
      (functionWordShare < MINIMUM_FUNCTION_WORD_SHARE || implausibleTagPairShare > MAXIMUM_IMPLAUSIBLE_TAG_PAIR_SHARE),
  };
}
