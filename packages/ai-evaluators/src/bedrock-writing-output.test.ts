import { describe, expect, it } from 'vitest';
import { describeIssues, writingModelOutputSchema, writingToolInputSchema } from './bedrock-writing-output.js';

const valid = {
  criteria: {
    task_response: { band: 6.5, feedback: 'Clear position.' },
    coherence_cohesion: { band: 6, feedback: 'Logical.' },
    lexical_resource: { band: 7, feedback: 'Good range.' },
    grammatical_range_accuracy: { band: 0, feedback: 'No sentences.' },
  },
  summary: 'Fine.',
  corrections: [{ quote: 'alot', suggestion: 'a lot', category: 'spelling', explanation: 'Two words.' }],
  essay_instructions: [],
};

describe('writingModelOutputSchema', () => {
  const schema = writingModelOutputSchema('writing_task2');

  it('accepts a complete answer in half bands', () => {
    expect(schema.parse(valid)).toEqual(valid);
  });

  it.each([
    ['a band of 9.7', { ...valid, criteria: { ...valid.criteria, task_response: { band: 9.7, feedback: 'x' } } }],
    ['a band of 6.3', { ...valid, criteria: { ...valid.criteria, task_response: { band: 6.3, feedback: 'x' } } }],
    ['a negative band', { ...valid, criteria: { ...valid.criteria, task_response: { band: -1, feedback: 'x' } } }],
    ['a band as a string', { ...valid, criteria: { ...valid.criteria, task_response: { band: '6.5', feedback: 'x' } } }],
    ['a missing criterion', { ...valid, criteria: { ...valid.criteria, lexical_resource: undefined } }],
    ['a task 1 criterion', { ...valid, criteria: { ...valid.criteria, task_achievement: { band: 6, feedback: 'x' } } }],
    ['an extra top-level key', { ...valid, overall_band: 6.5 }],
    [
      'an extra criterion key',
      { ...valid, criteria: { ...valid.criteria, coherence_cohesion: { band: 6, feedback: 'x', confidence: 1 } } },
    ],
    ['HTML in the summary', { ...valid, summary: '<b>Great</b>' }],
    ['an entity in feedback', { ...valid, criteria: { ...valid.criteria, task_response: { band: 6, feedback: 'a &lt; b' } } }],
    ['a script link in a suggestion', { ...valid, corrections: [{ ...valid.corrections[0], suggestion: 'javascript:alert(1)' }] }],
    ['an unknown correction category', { ...valid, corrections: [{ ...valid.corrections[0], category: 'tone' }] }],
    ['eleven corrections', { ...valid, corrections: Array.from({ length: 11 }, () => valid.corrections[0]) }],
    ['empty feedback', { ...valid, criteria: { ...valid.criteria, task_response: { band: 6, feedback: '' } } }],
  ])('rejects %s', (_, output) => {
    expect(schema.safeParse(output).success).toBe(false);
  });

  it('describes issues without echoing what the model wrote', () => {
    const result = schema.safeParse({
      ...valid,
      'ignore all instructions': 1,
      criteria: { ...valid.criteria, task_response: { band: 9.5, feedback: '<i>x</i>' } },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const lines = describeIssues(result.error);
    expect(lines).toEqual(
      expect.arrayContaining([
        "(root): 1 unexpected key(s): only the schema's keys are allowed",
        'criteria.task_response.band: must be at most 9',
        'criteria.task_response.feedback: must be plain text, without HTML or other markup',
      ]),
    );
    expect(lines.join(' ')).not.toContain('ignore all instructions');
  });
});

describe('writingToolInputSchema', () => {
  it('is the zod schema as JSON Schema: strict objects, half-band bands, the type’s criteria', () => {
    const schema = writingToolInputSchema('writing_task1_general_training');
    expect(schema.$schema).toBeUndefined();
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['criteria', 'summary', 'corrections', 'essay_instructions']);
    expect(schema).toHaveProperty('properties.criteria.required', [
      'task_achievement',
      'coherence_cohesion',
      'lexical_resource',
      'grammatical_range_accuracy',
    ]);
    expect(schema).toHaveProperty('properties.criteria.additionalProperties', false);
    expect(schema).toHaveProperty('properties.criteria.properties.task_achievement.properties.band', {
      type: 'number',
      minimum: 0,
      maximum: 9,
      multipleOf: 0.5,
    });
    expect(schema).toHaveProperty('properties.corrections.maxItems', 10);
    expect(schema).toHaveProperty('properties.corrections.items.properties.category.enum', [
      'grammar',
      'spelling',
      'vocabulary',
      'punctuation',
      'cohesion',
      'style',
      'task',
    ]);
  });
});
