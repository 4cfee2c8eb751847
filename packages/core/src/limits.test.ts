import { describe, expect, it } from 'vitest';
import { assessmentTypeSchema, skillOf } from './assessment-type.js';
import { CRITERION_NAMES, criteriaFor } from './criteria.js';
import { countWords, writingLimitsFor, WRITING_LIMITS } from './limits.js';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['One two three.', 3],
    ['A well-known, long-term plan.', 4],
    ["It doesn't matter — really!", 4],
    ['In 2010, 45% of people…', 5],
    ['Café au lait, naïve résumé', 5],
  ])('%j has %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});

describe('limits and criteria', () => {
  it('knows the writing limits of each task', () => {
    expect(writingLimitsFor('writing_task1_academic')).toEqual({ minimumWords: 150, minutes: 20 });
    expect(writingLimitsFor('writing_task1_general_training')).toEqual(WRITING_LIMITS.task1);
    expect(writingLimitsFor('writing_task2')).toEqual({ minimumWords: 250, minutes: 40 });
    expect(writingLimitsFor('listening')).toBeUndefined();
  });

  it('scores each type on its own criteria', () => {
    expect(criteriaFor('writing_task1_academic')).toContain('task_achievement');
    expect(criteriaFor('writing_task2')).toContain('task_response');
    expect(criteriaFor('speaking')).toEqual(['fluency_coherence', 'lexical_resource', 'grammatical_range_accuracy', 'pronunciation']);
    expect(criteriaFor('listening')).toEqual([]);
    expect(CRITERION_NAMES.grammatical_range_accuracy).toBe('Grammatical Range and Accuracy');
  });

  it('maps every type to its skill', () => {
    expect(assessmentTypeSchema.options.map(skillOf)).toEqual([
      'writing',
      'writing',
      'writing',
      'speaking',
      'reading',
      'reading',
      'listening',
    ]);
  });
});
