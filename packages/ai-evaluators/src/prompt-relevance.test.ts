import { describe, expect, it } from 'vitest';
import { createSeededRandom } from './offline-statistics.js';
import type { ScoredEssay } from './offline-writing-fit.js';
import { OFF_TOPIC_THRESHOLDS, measurePromptRelevance } from './prompt-relevance.js';
import { loadEnglishLexicon } from './spelling-lexicon.js';
import { calibrationEssays } from './test-support/calibration-essays.js';

const essays = calibrationEssays();
const lexicon = await loadEnglishLexicon();

describe('the swap test of relevance', () => {
  // The bench's figures, on the same 300 essays per task and the same seed: an answer scored
  // against another question must be flagged, an answer to its own question must not.
  for (const task of ['task1', 'task2'] as const) {
    it(`${task}: flags at least 90% of answers against another prompt and at most 5% against their own`, () => {
      const random = createSeededRandom(20261203);
      const pool = essays.filter((essay) => essay.task === task);
      let own = 0;
      let swapped = 0;
      const sample = pool.slice(0, 300);
      for (const essay of sample) {
        let other: ScoredEssay;
        do other = pool[Math.floor(random() * pool.length)] as ScoredEssay;
        while (other.prompt === essay.prompt);
        if (measurePromptRelevance({ essay: essay.essay, prompt: essay.prompt, lexicon }).score < OFF_TOPIC_THRESHOLDS[task]) own++;
        if (measurePromptRelevance({ essay: essay.essay, prompt: other.prompt, lexicon }).score < OFF_TOPIC_THRESHOLDS[task]) swapped++;
      }
      expect(swapped / sample.length).toBeGreaterThanOrEqual(0.9);
      expect(own / sample.length).toBeLessThanOrEqual(0.05);
    });
  }
});
