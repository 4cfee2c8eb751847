import { describe, expect, it } from 'vitest';
import {
  TASK1_PROMPT,
  TASK1_REPORT,
  TASK2_PROMPT,
  WEAK_TASK2_ESSAY,
  WELL_FORMED_TASK2_ESSAY,
} from './__fixtures__/offline-sample-texts.js';
import { OFFLINE_WRITING_MODEL_FEATURES } from './offline-writing-model.js';
import { loadEnglishLexicon } from './spelling-lexicon.js';
import {
  WRITING_FEATURE_NAMES,
  findConnectors,
  measureWritingFeatures,
  movingAverageTypeTokenRatio,
  splitParagraphs,
  splitSentences,
  stem,
  tokenizeWords,
} from './text-features.js';

const lexicon = await loadEnglishLexicon();

describe('splitting text', () => {
  it('splits paragraphs at line breaks and drops empty ones', () => {
    expect(splitParagraphs('First one.\n\n  \nSecond one.\r\nThird.')).toEqual(['First one.', 'Second one.', 'Third.']);
  });

  it('splits sentences at end punctuation, keeping abbreviations and decimals', () => {
    expect(splitSentences('Prices rose by 2.5 percent, e.g. in Paris. Did they fall? No! They did not\nNew line here.')).toEqual([
      'Prices rose by 2.5 percent, e.g. in Paris.',
      'Did they fall?',
      'No!',
      'They did not',
      'New line here.',
    ]);
  });

  it('tokenises lowercase words, keeping hyphenated words and contractions whole and leaving out numbers', () => {
    expect(tokenizeWords('Well-known people don\u2019t earn 50% more in 2020.')).toEqual([
      'well-known',
      'people',
      "don't",
      'earn',
      'more',
      'in',
    ]);
  });
});

describe('measures', () => {
  it('moving-average type-token ratio is 1 for all-distinct words and falls with repetition', () => {
    expect(movingAverageTypeTokenRatio(['a', 'b', 'c'])).toBe(1);
    expect(movingAverageTypeTokenRatio(['a', 'a', 'b', 'b'])).toBe(0.5);
    const repetitive = Array.from({ length: 120 }, (_, index) => `w${index % 10}`);
    const varied = Array.from({ length: 120 }, (_, index) => `w${index}`);
    expect(movingAverageTypeTokenRatio(repetitive, 50)).toBeCloseTo(0.2);
    expect(movingAverageTypeTokenRatio(varied, 50)).toBe(1);
  });

  it('stems inflections to one form', () => {
    expect(new Set(['increase', 'increased', 'increases', 'increasing'].map(stem)).size).toBe(1);
    expect(stem('countries')).toBe(stem('country'));
  });

  it('finds linking phrases, longest first, with their function', () => {
    const found = findConnectors(
      tokenizeWords('On the other hand, prices rose. As a result, sales fell; however, for example, profits held.'),
    );
    expect(found.map((connector) => [connector.phrase, connector.category])).toEqual([
      ['on the other hand', 'contrast'],
      ['as a result', 'cause'],
      ['however', 'contrast'],
      ['for example', 'example'],
    ]);
  });
});

describe('measureWritingFeatures', () => {
  it('gives the model the same features however the answer was stored', () => {
    const prompt = TASK2_PROMPT.replace(/'/g, '\u2019');
    const original = measureWritingFeatures({ text: WELL_FORMED_TASK2_ESSAY, prompt: TASK2_PROMPT, minimumWords: 250, lexicon });
    const stored = [
      // A site that lost the line breaks and ran the paragraphs together.
      WELL_FORMED_TASK2_ESSAY.replace(/\n+/g, ''),
      // Windows line breaks with blank lines, curly quotes, non-breaking spaces, spaces before commas.
      WELL_FORMED_TASK2_ESSAY.replace(/\n/g, '\r\n\r\n')
        .replace(/'/g, '\u2019')
        .replace(/ /g, (space, offset: number) => (offset % 7 === 0 ? '\u00a0' : space))
        .replace(/,/g, ' ,'),
      // A scrape with HTML entities and doubled spaces.
      WELL_FORMED_TASK2_ESSAY.replace(/'/g, '&#39;').replace(/\. /g, '.  '),
    ];
    expect(original.values.spacing_error_rate).toBe(0);
    for (const text of stored) {
      const features = measureWritingFeatures({ text, prompt, minimumWords: 250, lexicon });
      expect(features.wordCount).toBe(original.wordCount);
      expect(features.sentenceCount).toBe(original.sentenceCount);
      for (const name of OFFLINE_WRITING_MODEL_FEATURES) {
        // The grammar checker's rates are unknown (NaN) here: no checker was given.
        if (Number.isNaN(original.values[name])) expect(features.values[name], name).toBeNaN();
        else expect(features.values[name], name).toBeCloseTo(original.values[name], 10);
      }
    }
    // The spacing itself is still measured, for the feedback.
    expect(
      measureWritingFeatures({ text: stored[1] as string, prompt, minimumWords: 250, lexicon }).values.spacing_error_rate,
    ).toBeGreaterThan(1);
  });

  it('measures a well-formed task 2 essay', () => {
    const features = measureWritingFeatures({ text: WELL_FORMED_TASK2_ESSAY, prompt: TASK2_PROMPT, minimumWords: 250, lexicon });
    expect(features.paragraphCount).toBe(5);
    expect(features.sentenceCount).toBe(15);
    expect(features.wordCount).toBe(279);
    expect(features.values.length_ratio).toBeCloseTo(features.wordCount / 250);
    expect(features.values.under_length).toBe(0);
    expect(features.spellingErrors).toEqual([]);
    // Every word but the name "Copenhagen" is in the word list.
    expect(features.knownWordShare).toBeCloseTo(1 - 1 / 270, 2);
    expect(features.grammarSlips).toEqual([]);
    expect(features.values.opinion_marker).toBe(1);
    expect(features.values.conclusion_marker).toBe(1);
    expect(features.values.capitalisation_error_rate).toBe(0);
    expect(features.connectorsUsed).toEqual(
      expect.arrayContaining(['whereas', 'on the other hand', 'furthermore', 'as a result', 'for example', 'moreover', 'in conclusion']),
    );
    expect(features.connectorCategories.sort()).toEqual(['addition', 'cause', 'contrast', 'example', 'summary']);
    expect(features.values.prompt_coverage).toBeGreaterThan(0.5);
    expect(features.values.prompt_copy_share).toBeLessThan(0.05);
    // Without the grammar checker its rate is unknown; everything else is a number.
    for (const name of WRITING_FEATURE_NAMES) expect(Number.isFinite(features.values[name]), name).toBe(!name.startsWith('checker_'));
    const checked = measureWritingFeatures({
      text: WELL_FORMED_TASK2_ESSAY,
      prompt: TASK2_PROMPT,
      minimumWords: 250,
      lexicon,
      grammarCheck: { spelling: 1, grammar: 2 },
    });
    expect(checked.values.checker_grammar_rate).toBeCloseTo(200 / features.wordCount);
  });

  it('measures the weaknesses of a weak answer', () => {
    const features = measureWritingFeatures({ text: WEAK_TASK2_ESSAY, prompt: TASK2_PROMPT, minimumWords: 250, lexicon });
    expect(features.paragraphCount).toBe(1);
    expect(features.values.single_paragraph).toBe(1);
    expect(features.values.under_length).toBeCloseTo(1 - features.wordCount / 250);
    expect(features.spellingErrors.map((error) => error.word)).toEqual(['goverment', 'dont', 'evry', 'goverment', 'opinon']);
    expect(features.grammarSlips.map((slip) => [slip.quote, slip.suggestion])).toEqual([
      ['peoples', 'people'],
      ['peoples', 'people'],
      // Found by the part-of-speech rules, and counted apart from the word patterns.
      ['many car', 'many cars'],
    ]);
    expect(features.values.grammar_slip_rate).toBeCloseTo((100 * 2) / features.wordCount);
    expect(features.values.learner_error_rate).toBeCloseTo(100 / features.wordCount);
    expect(features.values.capitalisation_error_rate).toBeGreaterThan(0.5);
    const strong = measureWritingFeatures({ text: WELL_FORMED_TASK2_ESSAY, prompt: TASK2_PROMPT, minimumWords: 250, lexicon });
    expect(features.values.spelling_error_rate).toBeGreaterThan(strong.values.spelling_error_rate);
    expect(features.values.mean_word_length).toBeLessThan(strong.values.mean_word_length);
    expect(features.values.rare_word_share).toBeLessThan(strong.values.rare_word_share);
    expect(features.values.connector_variety).toBeLessThan(strong.values.connector_variety);
  });

  it('measures task 1 moves: an overview and figures', () => {
    const features = measureWritingFeatures({ text: TASK1_REPORT, prompt: TASK1_PROMPT, minimumWords: 150, lexicon });
    expect(features.values.overview_marker).toBe(1);
    expect(features.values.number_rate).toBeGreaterThan(5);
    expect(features.values.opinion_marker).toBe(0);
    expect(features.values.passive_rate).toBeGreaterThan(0);
  });

  it('counts copying from the prompt', () => {
    const copied = `${TASK2_PROMPT} ${TASK2_PROMPT} I agree with this.`;
    const features = measureWritingFeatures({ text: copied, prompt: TASK2_PROMPT, minimumWords: 250, lexicon });
    expect(features.values.prompt_copy_share).toBeGreaterThan(0.8);
  });

  it('gives zero prompt features without a prompt', () => {
    const features = measureWritingFeatures({ text: WELL_FORMED_TASK2_ESSAY, prompt: '', minimumWords: 250, lexicon });
    expect(features.values.prompt_coverage).toBe(0);
    expect(features.values.prompt_copy_share).toBe(0);
  });
});
