import { beforeAll, describe, expect, it } from 'vitest';
import checked from './__fixtures__/grammar-corrections-checked.json';
import { committedGrammarCounts } from './offline-writing-fit.js';
import { TASK1_PROMPT, TASK1_REPORT, WELL_FORMED_TASK2_ESSAY, TASK2_PROMPT } from './__fixtures__/offline-sample-texts.js';
import { OFFLINE_TASK_EXCLUDED_FEATURES, OFFLINE_WRITING_MODEL_FEATURES } from './offline-writing-model.js';
import { countGrammarFindings, createGrammarChecker } from './grammar-checker.js';
import { normalizeStoredText } from './text-normalization.js';
import { committedOfflineWritingModel, createOfflineWritingScorer, scoreOfflineWriting } from './offline-writing-scorer.js';
import { loadEnglishLexicon } from './spelling-lexicon.js';
import { calibrationEssays } from './test-support/calibration-essays.js';

// Harper compiles its WebAssembly once (several seconds, longer on a busy machine).
const checker = createGrammarChecker();
beforeAll(() => checker.setup(), 300_000);

const pairs = async (text: string) => (await checker.check(text)).map((finding) => [finding.quote, finding.suggestion]);

describe('createGrammarChecker', () => {
  it('corrects the learner sentences quoted in the issue, with Harper and the part-of-speech rules', async () => {
    expect(await pairs('Many people feels isolated when they work from home.')).toEqual([['people feels', 'people feel']]);
    const findings = await checker.check('The goverment should to invest in a important project, and we recieve many email every days.');
    expect(findings.map((finding) => [finding.quote, finding.suggestion, finding.source])).toEqual([
      ['goverment', 'government', 'harper'],
      ['should to invest', 'should invest', 'rules'],
      ['a', 'an', 'harper'],
      ['recieve', 'receive', 'harper'],
      ['many email', 'many emails', 'rules'],
      ['every days', 'every day', 'rules'],
    ]);
    expect(findings[0]?.category).toBe('spelling');
  });

  it('does not "correct" what is right', async () => {
    expect(await pairs('Many 24 year olds live with their parents, and I went there yesterday.')).toEqual([]);
    expect(await pairs('The colour of the organisation’s logo was chosen by its centre.')).toEqual([]);
  });

  it('quotes the text exactly at the offset it gives', async () => {
    const text = 'First line.\n\nThe goverment should to invest.';
    for (const finding of await checker.check(text))
      expect(text.slice(finding.start, finding.start + finding.quote.length)).toBe(finding.quote);
  });

  it('feeds the offline scorer’s corrections and grammar feedback', async () => {
    const scorer = createOfflineWritingScorer({ grammarChecker: checker });
    const essay = WELL_FORMED_TASK2_ESSAY.replace(/\.\s/, '. Many people feels that the goverment should to invest more. ');
    const result = await scorer.evaluate({ assessmentType: 'writing_task2', prompt: TASK2_PROMPT, essay });
    const corrections = result.inline_corrections.map((correction) => [correction.quote, correction.suggestion]);
    expect(corrections).toContainEqual(['people feels', 'people feel']);
    expect(corrections).toContainEqual(['goverment', 'government']);
    expect(corrections).toContainEqual(['should to invest', 'should invest']);
    expect(result.criteria_scores.grammatical_range_accuracy?.feedback).toMatch(
      /^The grammar checker found \d+ grammar issues \("people feels" → "people feel"/,
    );
    for (const correction of result.inline_corrections) expect(essay).toContain(correction.quote);

    // Checked on the normalised text, quoted as written: a non-breaking space, curly apostrophes.
    const typed = essay.replace('people feels', 'people\u00a0feels').replace(/'/g, '\u2019');
    const typedResult = await scorer.evaluate({ assessmentType: 'writing_task2', prompt: TASK2_PROMPT, essay: typed });
    expect(typedResult.inline_corrections.map((correction) => correction.quote)).toContain('people\u00a0feels');
    for (const correction of typedResult.inline_corrections) expect(typed).toContain(correction.quote);
  });

  it('gives the model its rates: more findings, a lower band; none counted, the band without the checker', async () => {
    const essay = WELL_FORMED_TASK2_ESSAY.replace(/\.\s/, '. Many people feels that the goverment should to invest more. ');
    const request = { assessmentType: 'writing_task2' as const, prompt: TASK2_PROMPT, essay };
    const findings = await checker.check(normalizeStoredText(essay));
    const counted = countGrammarFindings(findings);
    expect(counted.spelling).toBe(1);
    expect(counted.grammar).toBe(findings.filter((finding) => finding.source === 'harper').length - 1);
    const withChecker = await createOfflineWritingScorer({ grammarChecker: checker }).evaluate(request);
    const lexicon = await loadEnglishLexicon();
    expect(withChecker.overall_band).toBe(scoreOfflineWriting(request, { lexicon, grammarCheck: counted }).overall_band);
    const many = scoreOfflineWriting(request, { lexicon, grammarCheck: { spelling: 25, grammar: 25 } });
    const none = scoreOfflineWriting(request, { lexicon, grammarCheck: { spelling: 0, grammar: 0 } });
    expect(many.overall_band).toBeLessThan(none.overall_band);
    expect(many.flags).toEqual(none.flags);
  });

  it('leaves task 1 to the features it generalises on: its models give the rate no weight', async () => {
    const column = OFFLINE_WRITING_MODEL_FEATURES.indexOf('checker_grammar_rate');
    const model = committedOfflineWritingModel();
    expect(OFFLINE_TASK_EXCLUDED_FEATURES.task1).toContain('checker_grammar_rate');
    expect(model.tasks.task1.coefficients[column]).toBe(0);
    expect(model.tasks.task2.coefficients[column]).toBeLessThan(0);
    const lexicon = await loadEnglishLexicon();
    const request = { assessmentType: 'writing_task1_academic' as const, prompt: TASK1_PROMPT, essay: TASK1_REPORT };
    const many = scoreOfflineWriting(request, { lexicon, grammarCheck: { spelling: 25, grammar: 25 } });
    const without = scoreOfflineWriting(request, { lexicon });
    expect(many.overall_band).toBe(without.overall_band);
    expect(many.provenance?.confidence).toBe(without.provenance?.confidence);
    expect(many.criteria_scores).toEqual(without.criteria_scores);
  });
});

describe('the committed grammar counts the model was fitted on', () => {
  it('are what the checker finds now on a sample of the calibration essays', async () => {
    // A Harper upgrade or a change of disabled rules changes the counts: then re-run
    // scripts/count-grammar-findings.mjs and the fit (the whole recount takes minutes).
    const essays = calibrationEssays().filter((_, index) => index % 100 === 7);
    const counts = committedGrammarCounts();
    expect(counts.size).toBe(1435);
    for (const essay of essays)
      expect(countGrammarFindings(await checker.check(normalizeStoredText(essay.essay))), essay.id).toEqual(counts.get(essay.id));
  }, 120_000);
});

describe('corrections on calibration essays, checked by hand', () => {
  it('still shows the 100 checked corrections, and at least 80% of them are right', async () => {
    const essays = new Map(calibrationEssays().map((essay) => [essay.id, essay.essay]));
    let shown = 0;
    let right = 0;
    for (const entry of checked.corrections) {
      const essay = essays.get(entry.id) as string;
      const findings = await checker.check(essay);
      const found = findings.some(
        (finding) => finding.start === entry.start && finding.quote === entry.quote && finding.suggestion === entry.suggestion,
      );
      expect(found, `${entry.id}: "${entry.quote}" → "${entry.suggestion}" is no longer shown: re-check the fixture`).toBe(true);
      shown++;
      if (entry.correct) right++;
    }
    expect(shown).toBe(100);
    expect(right / shown).toBeGreaterThanOrEqual(0.8);
  }, 300_000);
});
