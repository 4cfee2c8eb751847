import type { Question } from '@ielts-genai-prep/core';
import { describe, expect, it } from 'vitest';
import { CONTENT_MINIMUMS, checkContent, countContent, speakersOf } from './content-checks.js';
import { practiceQuestions, practiceRubrics } from './index.js';

const bank = { questions: practiceQuestions, rubrics: practiceRubrics };

/** The bank with one item changed by `change`, all others as they are. */
function withItem(id: string, change: (item: Question) => Question) {
  return {
    ...bank,
    questions: practiceQuestions.map((question) => (question.question_id === id ? change(structuredClone(question)) : question)),
  };
}

const messagesFor = (problems: ReturnType<typeof checkContent>, item: string) =>
  problems.filter((problem) => problem.item === item).map((problem) => problem.message);

describe('checkContent', () => {
  it('finds nothing wrong with the practice bank', () => {
    expect(checkContent(bank)).toEqual([]);
  });

  it('counts every kind, and reports a bank below its minimums', () => {
    const counts = countContent(practiceQuestions);
    for (const [type, minimum] of Object.entries(CONTENT_MINIMUMS))
      expect(counts[type as keyof typeof counts], type).toBeGreaterThanOrEqual(minimum ?? 0);
    const problems = checkContent({ ...bank, questions: practiceQuestions.filter((question) => question.assessment_type !== 'speaking') });
    expect(messagesFor(problems, 'bank')).toEqual([`has 0 speaking items; at least ${CONTENT_MINIMUMS.speaking} are needed`]);
  });

  it('reports an item core’s schema refuses, by id and field, without checking it further', () => {
    const problems = checkContent(withItem('w2-001', (item) => ({ ...item, time_limit: 0 })));
    expect(problems).toEqual([{ item: 'w2-001', message: expect.stringMatching(/^time_limit: /) }]);
  });

  it('reports a writing item whose word and time limits, or its prompt’s own words, are not the exam’s', () => {
    const problems = checkContent(
      withItem('w2-001', (item) => ({
        ...item,
        word_limit: 200,
        time_limit: 30,
        prompt: item.prompt.replace('Write at least 250 words.', ''),
      })),
    );
    expect(messagesFor(problems, 'w2-001')).toEqual([
      'word_limit must be 250',
      'time_limit must be 40',
      'prompt must say "Write at least 250 words."',
    ]);
    const task1 = practiceQuestions.find((question) => question.assessment_type === 'writing_task1_academic')!;
    const task1Problems = checkContent(
      withItem(task1.question_id, (item) => ({ ...item, word_limit: 250, time_limit: 40, prompt: item.prompt.replace('150', '120') })),
    );
    expect(messagesFor(task1Problems, task1.question_id)).toEqual([
      'word_limit must be 150',
      'time_limit must be 20',
      'prompt must say "Write at least 150 words."',
    ]);
  });

  it('reports a listening test missing a section, a question and a speaker’s name', () => {
    const problems = checkContent(
      withItem('li-test-02', (test) => ({
        ...test,
        sections: test.sections
          .slice(0, 3)
          .map((section) =>
            section.part === 1 ? { ...section, transcript: `Hello, is that the box office?\n${section.transcript}` } : section,
          ),
        question_groups: test.question_groups.map((group) => ({
          ...group,
          questions: group.questions.filter((question) => question.number !== 40),
        })),
      })),
    );
    expect(messagesFor(problems, 'li-test-02')).toEqual(
      expect.arrayContaining([
        'needs one section for each part 1, 2, 3, 4, in order',
        'questions must be numbered 1–40 once each, in order',
      ]),
    );
    expect(messagesFor(problems, 'li-test-02 section 1')).toEqual(['line 1 does not name its speaker ("NAME: …")']);
  });

  it('reports a completion answer that the transcript does not contain', () => {
    const problems = checkContent(withItem('li-test-03', (test) => ({ ...test, answer_key: { ...test.answer_key, '1': 'zeppelin' } })));
    expect(messagesFor(problems, 'li-test-03')).toEqual(['question 1: none of zeppelin is in part 1']);
  });

  it('reports a speaking set without three Part 1 topics, and a map that cannot be drawn', () => {
    const speaking = checkContent(
      withItem('sp-001', (item) => {
        const set = item.speaking;
        if (!set) return item;
        return { ...item, speaking: { ...set, part1: { topic: set.part1.topic, questions: set.part1.questions } } };
      }),
    );
    expect(messagesFor(speaking, 'sp-001')).toEqual(['Part 1 needs 3 topics (part1.topics), not 0']);
    const map = checkContent(withItem('w1a-006', (item) => ({ ...item, chart: item.chart && { ...item.chart, map: undefined } })));
    expect(messagesFor(map, 'w1a-006')).toContain('a map needs map data (features with positions) so apps can draw it');
  });

  it('reports a diagram-label group without its diagram, a diagram on another group, and a feature that gives an answer away', () => {
    const groupOf = (test: Question, groupId: string) => test.question_groups.find((group) => group.group_id === groupId);
    const withoutDiagram = checkContent(
      withItem('ra-test-01', (test) => {
        const labelled = groupOf(test, 'ra-test-01-q07-10');
        const other = groupOf(test, 'ra-test-01-q11-13');
        if (!labelled) return test;
        const { diagram, ...group } = labelled;
        return {
          ...test,
          question_groups: test.question_groups.map((candidate) =>
            candidate === other ? { ...candidate, diagram } : candidate.group_id === group.group_id ? group : candidate,
          ),
        };
      }),
    );
    // Moving the figure to questions 11–13 also breaks core's rule that its labels are the group's numbers.
    expect(messagesFor(withoutDiagram, 'ra-test-01')).toEqual([
      expect.stringMatching(/^question_groups\.2\.diagram\.labels: the diagram needs one label for each/),
    ]);
    const leaking = checkContent(
      withItem('ra-test-01', (test) => {
        const group = groupOf(test, 'ra-test-01-q07-10');
        const feature = group?.diagram?.drawing.views[0]?.features.find((candidate) => candidate.label === 'leaves');
        if (feature) feature.label = 'leaves with glands';
        const notes = groupOf(test, 'ra-test-01-q11-13');
        if (notes) notes.instructions = `Label the diagram below. ${notes.instructions}`;
        if (group) group.instructions = group.instructions.replace('Label the diagram below', 'Complete the labels below');
        return test;
      }),
    );
    expect(messagesFor(leaking, 'ra-test-01')).toEqual([
      'group ra-test-01-q07-10: has a diagram but does not say "Label the diagram"',
      'group ra-test-01-q07-10: the feature "leaves with glands" gives away the answer "glands"',
      'group ra-test-01-q11-13: says "Label the diagram" but has no diagram',
    ]);
  });

  it('reports an essay kind no prompt is tagged with', () => {
    const problems = checkContent({
      ...bank,
      questions: practiceQuestions.map((question) => (question.tags.includes('two-part') ? { ...question, tags: ['opinion'] } : question)),
    });
    expect(messagesFor(problems, 'bank')).toEqual(['no Task 2 prompt is tagged two-part']);
  });
});

describe('speakersOf', () => {
  it('names the speaker of each line, null where a line names none, and skips blank lines', () => {
    expect(speakersOf('ANNA: Hello.\nDR GRANT: Come in.\n\nWell, then.')).toEqual(['ANNA', 'DR GRANT', null]);
  });
});
