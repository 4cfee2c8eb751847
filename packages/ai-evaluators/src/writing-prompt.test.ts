import { describe, expect, it } from 'vitest';
import { rubricSchema } from '@ielts-genai-prep/core';
import { TASK1_CHART, TASK1_ESSAY, TASK1_PROMPT, TASK2_ESSAY, TASK2_PROMPT } from './__fixtures__/bedrock-writing-essays.js';
import { delimiterFor } from './untrusted-text.js';
import { buildWritingPrompt, resolveBandDescriptors, withRetryNote, type WritingPromptInput } from './writing-prompt.js';
import { WRITING_TOOL_NAME } from './bedrock-writing-output.js';

const delimiter = delimiterFor('0123456789abcdef');
// The Task 2 essay as the evaluator passes it; each test adds what it checks.
const task2Input: WritingPromptInput = {
  assessmentType: 'writing_task2',
  taskPrompt: TASK2_PROMPT,
  minimumWords: 250,
  countedWords: 283,
  essay: TASK2_ESSAY,
  delimiter,
  toolName: WRITING_TOOL_NAME,
};

describe('buildWritingPrompt', () => {
  it('builds the Task 2 prompt with the built-in descriptors', () => {
    const prompt = buildWritingPrompt(task2Input);
    expect(prompt.system).toMatchSnapshot('system');
    expect(prompt.user).toMatchSnapshot('user');
  });

  it('includes the chart data of Academic Task 1 and the points of a letter', () => {
    const academic = buildWritingPrompt({
      assessmentType: 'writing_task1_academic',
      taskPrompt: TASK1_PROMPT,
      minimumWords: 150,
      countedWords: 171,
      essay: TASK1_ESSAY,
      delimiter,
      toolName: WRITING_TOOL_NAME,
      chart: TASK1_CHART,
    });
    expect(academic.user.split('\n\n')[0]).toMatchInlineSnapshot(`
      "Task: Academic Writing Task 1 report, at least 150 words (171 counted, words copied from the task excluded).
      The bar chart below shows the percentage of households with internet access in three countries in 2000, 2010 and 2020. Summarise the information by selecting and reporting the main features, and make comparisons where relevant.
      Chart (bar): Households with internet access (%)
      unit %; x Year; y Households
      | 2000 | 2010 | 2020
      Canada | 42 | 79 | 94
      Mexico | 6 | 22 | 60
      Japan | 34 | 67 | 91"
    `);
    const letter = buildWritingPrompt({
      assessmentType: 'writing_task1_general_training',
      taskPrompt: 'You recently stayed at a hotel. Write a letter to the manager.',
      minimumWords: 150,
      countedWords: 160,
      essay: 'Dear Sir or Madam, …',
      delimiter,
      toolName: WRITING_TOOL_NAME,
      letterPoints: ['say when you stayed', 'describe the problem', 'say what you want the manager to do'],
    });
    expect(letter.user).toContain('The letter must:\n- say when you stayed\n- describe the problem\n- say what you want the manager to do');
    expect(letter.system).toContain('General Training Writing Task 1 letter');
    expect(letter.system).toContain('All bullet points fully covered');
  });

  it('puts the essay only inside the delimiter, in the user message', () => {
    const prompt = buildWritingPrompt(task2Input);
    expect(prompt.system).not.toContain(TASK2_ESSAY.slice(0, 40));
    const [before, rest] = prompt.user.split(`${delimiter.open}\n`);
    const [inside, after] = (rest ?? '').split(`\n${delimiter.close}`);
    expect(inside).toBe(TASK2_ESSAY);
    expect(before).not.toContain(TASK2_ESSAY.slice(0, 40));
    expect(after).toBe('');
    expect(prompt.system).toContain(`between the lines ${delimiter.open} and ${delimiter.close}`);
  });

  it('uses a rubric’s descriptors and names, and the built-in ones for criteria it lacks', () => {
    const rubric = rubricSchema.parse({
      rubric_id: 'rubric-task2-2023',
      assessment_type: 'writing_task2',
      criteria: [
        { criterion: 'task_response', name: 'Task Response (2023)' },
        { criterion: 'coherence_cohesion', name: 'Coherence and Cohesion' },
        { criterion: 'lexical_resource', name: 'Lexical Resource' },
        { criterion: 'grammatical_range_accuracy', name: 'Grammatical Range and Accuracy' },
      ],
      band_descriptors: {
        task_response: { '9': 'Custom   nine.\n', '5': 'Custom five.', '7': 'Custom seven.' },
      },
      weight: 2,
      version: '2023-05',
    });
    const resolved = resolveBandDescriptors('writing_task2', rubric);
    expect(resolved[0]).toEqual({
      criterion: 'task_response',
      name: 'Task Response (2023)',
      descriptors: [
        ['9', 'Custom nine.'],
        ['7', 'Custom seven.'],
        ['5', 'Custom five.'],
      ],
    });
    expect(resolved[1]?.descriptors).toHaveLength(9);
    const prompt = buildWritingPrompt({ ...task2Input, rubric });
    expect(prompt.system).toContain(
      'Task Response (2023) (task_response)\n9: Custom nine.\n7: Custom seven.\n5: Custom five.\nCoherence and Cohesion',
    );
  });

  it('stays short: under 1,000 words of instructions for a Task 2 essay', () => {
    const prompt = buildWritingPrompt(task2Input);
    expect(prompt.system.split(/\s+/).length).toBeLessThan(1000);
    expect(prompt.system.length).toBeLessThan(5200);
  });
});

describe('withRetryNote', () => {
  it('appends the validation issues after the fenced essay, leaving the rest unchanged', () => {
    const prompt = { system: 'S', user: `Task\n\n${delimiter.open}\nessay\n${delimiter.close}` };
    const retried = withRetryNote(prompt, ['criteria.task_response.band: must be at most 9'], WRITING_TOOL_NAME);
    expect(retried.system).toBe('S');
    expect(retried.user).toBe(
      `${prompt.user}\n\nYour previous record_assessment call was rejected:\n- criteria.task_response.band: must be at most 9\nCall record_assessment again with input that follows its schema exactly.`,
    );
  });
});
