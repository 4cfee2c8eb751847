import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import checked from './__fixtures__/grammar-corrections-checked.json';
import { parseScoredEssays } from './offline-writing-fit.js';
import { WELL_FORMED_TASK2_ESSAY, TASK2_PROMPT } from './__fixtures__/offline-sample-texts.js';
import { createGrammarChecker } from './grammar-checker.js';
import { createOfflineWritingScorer } from './offline-writing-scorer.js';

const ESSAYS_PATH = fileURLToPath(new URL('../../../../shared/data/essays/scored-essays.jsonl', import.meta.url));

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
    for (const finding of await checker.check(text)) expect(text.slice(finding.start, finding.start + finding.quote.length)).toBe(finding.quote);
  });

  it('feeds the offline scorer’s corrections and grammar feedback', async () => {
    const scorer = createOfflineWritingScorer({ grammarChecker: checker });
    const essay = WELL_FORMED_TASK2_ESSAY.replace(/\.\s/, '. Many people feels that the goverment should to invest more. ');
    const result = await scorer.evaluate({ assessmentType: 'writing_task2', prompt: TASK2_PROMPT, essay });
    const corrections = result.inline_corrections.map((correction) => [correction.quote, correction.suggestion]);
    expect(corrections).toContainEqual(['people feels', 'people feel']);
    expect(corrections).toContainEqual(['goverment', 'government']);
    expect(corrections).toContainEqual(['should to invest', 'should invest']);
    expect(result.criteria_scores.grammatical_range_accuracy?.feedback).toMatch(/^The grammar checker found \d+ grammar issues \("people feels" → "people feel"/);
    for (const correction of result.inline_corrections) expect(essay).toContain(correction.quote);
  });
});

describe('corrections on calibration essays, checked by hand', () => {
  it('still shows the 100 checked corrections, and at least 80% of them are right', async () => {
    const essays = new Map(parseScoredEssays(readFileSync(ESSAYS_PATH, 'utf8')).map((essay) => [essay.id, essay.essay]));
    let shown = 0;
    let right = 0;
    for (const entry of checked.corrections) {
      const essay = essays.get(entry.id) as string;
      const findings = await checker.check(essay);
      const found = findings.some((finding) => finding.start === entry.start && finding.quote === entry.quote && finding.suggestion === entry.suggestion);
      expect(found, `${entry.id}: "${entry.quote}" → "${entry.suggestion}" is no longer shown: re-check the fixture`).toBe(true);
      shown++;
      if (entry.correct) right++;
    }
    expect(shown).toBe(100);
    expect(right / shown).toBeGreaterThanOrEqual(0.8);
  }, 300_000);
});
