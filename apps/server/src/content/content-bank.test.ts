import { parseAnswerFormat } from '@ielts-genai-prep/ai-evaluators';
import {
  ASSESSMENT_TYPES,
  SPEAKING_TIMINGS,
  TEST_LIMITS,
  WRITING_LIMITS,
  answerFormatSchema,
  countWords,
  criteriaFor,
  isAnswerKeyType,
  isWritingType,
  publicQuestionSchema,
  questionSchema,
  rubricSchema,
  type AnswerFormat,
  type AssessmentType,
  type Question,
  type QuestionGroup,
} from '@ielts-genai-prep/core';
import { describe, expect, it } from 'vitest';
import {
  CHART_KINDS,
  CONTENT_MINIMUMS,
  CONVERSATION_SPEAKERS,
  ESSAY_KINDS,
  ID_PATTERNS,
  LETTER_REGISTERS,
  MINIMUM_TRANSCRIPT_WORDS,
  PART1_TOPICS,
  acceptedAnswers,
  checkContent,
  countContent,
  fitsFormat,
  normalise,
  paragraphLetters,
  sourceText,
  speakersOf,
} from './content-checks.js';
import { practiceQuestions, practiceRubrics } from './index.js';

function questionsOf(type: AssessmentType): Question[] {
  return practiceQuestions.filter((question) => question.assessment_type === type);
}

function sentenceCount(text: string): number {
  return (text.match(/[.!?](?=\s|$)/g) ?? []).length;
}

/**
 * The IELTS reading question types core can carry, each told by the wording of its
 * instructions, with the answer formats it is written in.
 */
const readingQuestionTypes: ReadonlyArray<{ name: string; instructions: RegExp; kinds: ReadonlyArray<AnswerFormat['kind']> }> = [
  { name: 'multiple choice, one answer', instructions: /Choose the correct letter/, kinds: ['letter'] },
  { name: 'multiple choice, more than one answer', instructions: /Choose (TWO|THREE) letters/, kinds: ['letter'] },
  { name: 'TRUE/FALSE/NOT GIVEN', instructions: /Write TRUE\b.*\bFALSE\b.*\bNOT GIVEN\b/, kinds: ['true_false_not_given'] },
  { name: 'YES/NO/NOT GIVEN', instructions: /Write YES\b.*\bNO\b.*\bNOT GIVEN\b/, kinds: ['yes_no_not_given'] },
  { name: 'matching headings', instructions: /Choose the correct heading/, kinds: ['letter'] },
  { name: 'matching information', instructions: /Which \w+ (contains|mentions) the following information/, kinds: ['letter'] },
  { name: 'matching features', instructions: /Match each statement with the correct/, kinds: ['letter'] },
  { name: 'matching sentence endings', instructions: /Complete each sentence with the correct ending/, kinds: ['letter'] },
  { name: 'sentence completion', instructions: /Complete the sentences below/, kinds: ['words', 'number'] },
  { name: 'summary completion', instructions: /Complete the summary/, kinds: ['words', 'letter'] },
  { name: 'note completion', instructions: /Complete the notes/, kinds: ['words', 'number'] },
  { name: 'table completion', instructions: /Complete the table/, kinds: ['words', 'number'] },
  { name: 'flow-chart completion', instructions: /Complete the flow-chart/, kinds: ['words', 'number'] },
  { name: 'diagram label completion', instructions: /Label the diagram/, kinds: ['words', 'number'] },
  { name: 'short answer', instructions: /Answer the questions below/, kinds: ['words', 'number'] },
];

function readingQuestionTypesOf(group: QuestionGroup): string[] {
  return readingQuestionTypes.filter((type) => type.instructions.test(group.instructions)).map((type) => type.name);
}

describe('every content item', () => {
  it('is already in the shape core’s schemas parse it to', () => {
    for (const question of practiceQuestions) expect(questionSchema.parse(question)).toEqual(question);
    for (const rubric of practiceRubrics) expect(rubricSchema.parse(rubric)).toEqual(rubric);
  });

  it('has a unique id', () => {
    const questionIds = practiceQuestions.map((question) => question.question_id);
    expect(new Set(questionIds).size).toBe(questionIds.length);
    const rubricIds = practiceRubrics.map((rubric) => rubric.rubric_id);
    expect(new Set(rubricIds).size).toBe(rubricIds.length);
  });

  it('carries a key only when it is marked by key, and loses it in its public shape', () => {
    for (const question of practiceQuestions) {
      expect(question.answer_key !== null, question.question_id).toBe(isAnswerKeyType(question.assessment_type));
      expect(publicQuestionSchema.parse(question)).not.toHaveProperty('answer_key');
    }
  });

  it('uses stable ids that name their type', () => {
    for (const question of practiceQuestions) expect(question.question_id).toMatch(ID_PATTERNS[question.assessment_type]);
  });
});

describe('the content bank', () => {
  it('holds at least the minimum of each kind', () => {
    const counts = countContent(practiceQuestions);
    for (const [type, minimum] of Object.entries(CONTENT_MINIMUMS))
      expect(counts[type as AssessmentType], type).toBeGreaterThanOrEqual(minimum ?? 0);
  });

  it('passes the content check that `pnpm check-content` runs', () => {
    expect(checkContent({ questions: practiceQuestions, rubrics: practiceRubrics })).toEqual([]);
  });
});

describe('writing task 1', () => {
  const academic = questionsOf('writing_task1_academic');
  const generalTraining = questionsOf('writing_task1_general_training');

  it(`has at least ${CONTENT_MINIMUMS.writing_task1_academic} Academic and ${CONTENT_MINIMUMS.writing_task1_general_training} General Training items with the task 1 limits`, () => {
    expect(academic.length).toBeGreaterThanOrEqual(CONTENT_MINIMUMS.writing_task1_academic ?? 0);
    expect(generalTraining.length).toBeGreaterThanOrEqual(CONTENT_MINIMUMS.writing_task1_general_training ?? 0);
    for (const question of [...academic, ...generalTraining]) {
      expect(question.word_limit).toBe(WRITING_LIMITS.task1.minimumWords);
      expect(question.time_limit).toBe(WRITING_LIMITS.task1.minutes);
      expect(question.prompt).toContain('Write at least 150 words.');
    }
  });

  it('gives every Academic item drawable chart data, using every chart kind core has', () => {
    const chartTypes = new Set<string>();
    for (const question of academic) {
      const chart = question.chart;
      expect(chart, question.question_id).not.toBeNull();
      if (!chart) continue;
      chartTypes.add(chart.chart_type);
      if (chart.chart_type === 'process' || chart.chart_type === 'map') {
        expect(chart.steps.length, question.question_id).toBeGreaterThanOrEqual(5);
        // A map is drawn from its features, one view per period its categories name.
        if (chart.chart_type === 'map')
          expect(
            chart.map?.views.map((view) => view.label),
            question.question_id,
          ).toEqual(chart.categories);
        continue;
      }
      expect(chart.categories.length).toBeGreaterThanOrEqual(2);
      expect(chart.series.length).toBeGreaterThanOrEqual(1);
      expect(chart.unit).not.toBeNull();
      for (const series of chart.series) {
        expect(series.values).toHaveLength(chart.categories.length);
        for (const value of series.values) expect(value === null || value >= 0).toBe(true);
      }
      if (chart.chart_type === 'pie') {
        for (const series of chart.series) expect(series.values.reduce<number>((sum, value) => sum + (value ?? 0), 0)).toBeCloseTo(100);
      }
    }
    expect([...chartTypes].sort()).toEqual([...CHART_KINDS].sort());
  });

  it('gives every General Training letter three points, all in its prompt, in each register', () => {
    const registers = new Set<string>();
    for (const question of generalTraining) {
      expect(question.chart).toBeNull();
      expect(question.letter_points).toHaveLength(3);
      for (const point of question.letter_points) expect(question.prompt).toContain(point);
      for (const tag of question.tags) if ((LETTER_REGISTERS as readonly string[]).includes(tag)) registers.add(tag);
    }
    expect([...registers].sort()).toEqual([...LETTER_REGISTERS].sort());
  });
});

describe('writing task 2', () => {
  const essays = questionsOf('writing_task2');

  it(`has at least ${CONTENT_MINIMUMS.writing_task2} prompts covering every kind of essay question`, () => {
    expect(essays.length).toBeGreaterThanOrEqual(CONTENT_MINIMUMS.writing_task2 ?? 0);
    const kinds = new Set(essays.flatMap((question) => question.tags));
    for (const kind of ESSAY_KINDS) expect(kinds).toContain(kind);
  });

  it('uses the task 2 limits', () => {
    for (const question of essays) {
      expect(question.word_limit).toBe(WRITING_LIMITS.task2.minimumWords);
      expect(question.time_limit).toBe(WRITING_LIMITS.task2.minutes);
      expect(question.prompt).toContain('Write at least 250 words.');
    }
  });
});

describe('speaking sets', () => {
  const sets = questionsOf('speaking');

  it(`has at least ${CONTENT_MINIMUMS.speaking} complete sets within the test time`, () => {
    expect(sets.length).toBeGreaterThanOrEqual(CONTENT_MINIMUMS.speaking ?? 0);
    for (const question of sets) {
      expect(question.time_limit).toBe(SPEAKING_TIMINGS.total.maximumSeconds / 60);
      expect(question.word_limit).toBeNull();
      const set = question.speaking;
      expect(set, question.question_id).not.toBeNull();
      if (!set) continue;
      // Three Part 1 topics of 4–5 questions each, asked in order.
      const topics = set.part1.topics ?? [];
      expect(topics, question.question_id).toHaveLength(PART1_TOPICS.count);
      for (const topic of topics) {
        expect(topic.question_count).toBeGreaterThanOrEqual(PART1_TOPICS.minimumQuestions);
        expect(topic.question_count).toBeLessThanOrEqual(PART1_TOPICS.maximumQuestions);
      }
      expect(topics.reduce((sum, topic) => sum + topic.question_count, 0)).toBe(set.part1.questions.length);
      expect(set.part2.topic).toMatch(/^Describe /);
      expect(set.part2.prompts.length).toBeGreaterThanOrEqual(3);
      expect(set.part2.prompts.length).toBeLessThanOrEqual(4);
      expect(set.part2.closing).toMatch(/^and explain /);
      expect(set.part2.follow_up.length).toBeGreaterThanOrEqual(1);
      expect(set.part3.questions.length).toBeGreaterThanOrEqual(4);
      expect(set.part3.questions.length).toBeLessThanOrEqual(6);
      for (const prompt of [...set.part1.questions, ...set.part3.questions]) expect(prompt).toMatch(/\?$/);
    }
  });
});

describe.each([
  { type: 'reading_academic' as const, limits: TEST_LIMITS.reading, parts: [1, 2, 3], minimumTests: 3 },
  { type: 'reading_general_training' as const, limits: TEST_LIMITS.reading, parts: [1, 2, 3], minimumTests: 2 },
  { type: 'listening' as const, limits: TEST_LIMITS.listening, parts: [1, 2, 3, 4], minimumTests: 1 },
])('$type tests', ({ type, limits, parts, minimumTests }) => {
  const tests = questionsOf(type);

  it(`has at least ${minimumTests} full tests with the right time and one text per part`, () => {
    expect(tests.length).toBeGreaterThanOrEqual(minimumTests);
    for (const test of tests) {
      expect(test.time_limit).toBe(limits.minutes);
      const textParts = type === 'listening' ? test.sections.map((section) => section.part) : test.passages.map((passage) => passage.part);
      expect(textParts).toEqual(parts);
      for (const group of test.question_groups) expect(parts).toContain(group.part);
      if (type === 'listening') for (const section of test.sections) expect(section.audio_url).toBeNull();
    }
  });

  it(`numbers ${limits.questions} questions 1–${limits.questions} exactly once, in order, each with a key`, () => {
    for (const test of tests) {
      const numbers = test.question_groups.flatMap((group) => group.questions.map((question) => question.number));
      expect(numbers).toEqual(Array.from({ length: limits.questions }, (_, index) => index + 1));
      expect(
        Object.keys(test.answer_key ?? {})
          .map(Number)
          .sort((a, b) => a - b),
      ).toEqual(numbers);
      const groupIds = test.question_groups.map((group) => group.group_id);
      expect(new Set(groupIds).size).toBe(groupIds.length);
    }
  });

  it('keys every answer in its group’s answer format', () => {
    for (const test of tests) {
      for (const group of test.question_groups) {
        if (group.answer_format.kind === 'letter' && group.options.length > 0) {
          expect(group.options.map((option) => option.letter)).toEqual(group.answer_format.options);
        }
        for (const question of group.questions) {
          const key = test.answer_key?.[String(question.number)] ?? '';
          for (const answer of acceptedAnswers(key)) {
            expect(fitsFormat(answer, group.answer_format), `question ${question.number}: "${answer}"`).toBe(true);
          }
        }
      }
    }
  });

  it('finds every completion answer in the text of its part, so the test is answerable', () => {
    for (const test of tests) {
      for (const group of test.question_groups) {
        if (group.answer_format.kind !== 'words' && group.answer_format.kind !== 'number') continue;
        const text = normalise(sourceText(test, group.part) ?? '');
        for (const question of group.questions) {
          const answers = acceptedAnswers(test.answer_key?.[String(question.number)] ?? '');
          expect(
            answers.some((answer) => text.includes(normalise(answer))),
            `question ${question.number}: none of ${answers.join(', ')} is in part ${group.part}`,
          ).toBe(true);
        }
      }
    }
  });

  it('uses every answer of a TRUE/FALSE/NOT GIVEN or YES/NO/NOT GIVEN group at least once', () => {
    for (const test of tests) {
      for (const group of test.question_groups) {
        if (group.answer_format.kind !== 'true_false_not_given' && group.answer_format.kind !== 'yes_no_not_given') continue;
        const answers = new Set(group.questions.map((question) => test.answer_key?.[String(question.number)]));
        expect(answers.size, group.group_id).toBe(3);
      }
    }
  });
});

describe('the reading tests', () => {
  const academic = questionsOf('reading_academic');
  const generalTraining = questionsOf('reading_general_training');
  const tests = [...academic, ...generalTraining];
  const wordsOf = (text: string) => countWords(text) - paragraphLetters(text).length;

  it('has Academic passages of about 700–900 words', () => {
    for (const test of academic) {
      expect(test.passages, test.question_id).toHaveLength(TEST_LIMITS.reading.passages);
      for (const passage of test.passages) {
        expect(wordsOf(passage.text), passage.title).toBeGreaterThanOrEqual(700);
        expect(wordsOf(passage.text), passage.title).toBeLessThanOrEqual(900);
      }
    }
  });

  it('has General Training short texts in sections 1 and 2 and one longer text in section 3', () => {
    for (const test of generalTraining) {
      expect(test.passages, test.question_id).toHaveLength(TEST_LIMITS.reading.passages);
      for (const passage of test.passages) {
        // Sections 1 and 2 hold several short texts, each under a heading line or a letter.
        if (passage.part < 3) expect(passage.text.split(/\n\s*\n/).length, passage.title).toBeGreaterThanOrEqual(3);
        expect(wordsOf(passage.text), passage.title).toBeGreaterThanOrEqual(passage.part < 3 ? 400 : 700);
        expect(wordsOf(passage.text), passage.title).toBeLessThanOrEqual(900);
      }
    }
  });

  it('matches only paragraphs or sections that the passage letters', () => {
    for (const test of tests) {
      for (const group of test.question_groups) {
        const letters = paragraphLetters(sourceText(test, group.part) ?? '');
        const paragraphQuestions = group.questions.filter((question) => /^(Paragraph|Section) [A-Z]$/.test(question.text));
        if (paragraphQuestions.length > 0) {
          expect(
            paragraphQuestions.map((question) => question.text.slice(-1)),
            group.group_id,
          ).toEqual(letters);
        }
        if (readingQuestionTypesOf(group).includes('matching information') && group.answer_format.kind === 'letter') {
          expect(group.answer_format.options, group.group_id).toEqual(letters);
        }
      }
    }
  });

  it('names one reading question type in each group’s instructions, written in a format that type uses', () => {
    for (const test of tests) {
      for (const group of test.question_groups) {
        const names = readingQuestionTypesOf(group);
        expect(names, group.group_id).toHaveLength(1);
        const type = readingQuestionTypes.find((candidate) => candidate.name === names[0]);
        expect(type?.kinds, group.group_id).toContain(group.answer_format.kind);
      }
    }
  });

  it('declares the answer format its instructions ask for, as the marker reads them', () => {
    for (const test of tests) {
      for (const group of test.question_groups) expect(parseAnswerFormat(group.instructions), group.group_id).toEqual(group.answer_format);
    }
  });

  it('uses every reading question type and every answer format core has at least once', () => {
    const groups = tests.flatMap((test) => test.question_groups);
    const used = new Set(groups.flatMap(readingQuestionTypesOf));
    expect([...used].sort()).toEqual(readingQuestionTypes.map((type) => type.name).sort());
    const kinds = new Set(groups.map((group) => group.answer_format.kind));
    expect([...kinds].sort()).toEqual(answerFormatSchema.options.map((option) => option.shape.kind.value).sort());
  });

  it('mixes at least three answer formats in every test', () => {
    for (const test of tests) {
      expect(new Set(test.question_groups.map((group) => group.answer_format.kind)).size, test.question_id).toBeGreaterThanOrEqual(3);
    }
  });

  it('keys a “choose TWO letters” pair with the same two letters, so either order is marked right', () => {
    for (const test of tests) {
      for (const group of test.question_groups.filter((candidate) =>
        readingQuestionTypesOf(candidate).includes('multiple choice, more than one answer'),
      )) {
        const keys = group.questions.map((question) => test.answer_key?.[String(question.number)] ?? '');
        expect(new Set(keys).size, group.group_id).toBe(1);
        expect(acceptedAnswers(keys[0] ?? ''), group.group_id).toHaveLength(group.questions.length);
      }
    }
  });
});

describe('the Listening tests', () => {
  const tests = questionsOf('listening');
  const [test] = tests;

  it(`has at least ${CONTENT_MINIMUMS.listening} tests, each with four sections and 40 questions`, () => {
    expect(tests.length).toBeGreaterThanOrEqual(CONTENT_MINIMUMS.listening ?? 0);
    for (const listening of tests) {
      expect(
        listening.sections.map((section) => section.part),
        listening.question_id,
      ).toEqual([1, 2, 3, 4]);
      expect(listening.question_groups.flatMap((group) => group.questions)).toHaveLength(TEST_LIMITS.listening.questions);
    }
  });

  it('has a transcript of a realistic length for each section', () => {
    for (const listening of tests) {
      for (const section of listening.sections)
        expect(countWords(section.transcript), section.title).toBeGreaterThanOrEqual(MINIMUM_TRANSCRIPT_WORDS);
    }
  });

  it('names the speaker on every line of a conversation (sections 1 and 3), and gives a monologue one voice', () => {
    for (const listening of tests) {
      for (const section of listening.sections) {
        const speakers = speakersOf(section.transcript);
        const voices = new Set(speakers.filter((speaker) => speaker !== null));
        const conversation = CONVERSATION_SPEAKERS[section.part];
        if (conversation) {
          expect(speakers, section.title).not.toContain(null);
          expect(voices.size, section.title).toBeGreaterThanOrEqual(conversation.minimum);
          expect(voices.size, section.title).toBeLessThanOrEqual(conversation.maximum);
        } else {
          expect(voices.size, section.title).toBeLessThanOrEqual(1);
          if (voices.size === 1) expect(speakers, section.title).not.toContain(null);
        }
      }
    }
  });

  it('asks for numbers, names and dates in the section 1 form', () => {
    const key = test?.answer_key ?? {};
    expect(key['3']).toMatch(/September/);
    expect(key['6']).toMatch(/^\d/);
    expect(key['8']).toMatch(/^\d+$/);
  });
});

describe('rubrics', () => {
  const scoredTypes = ASSESSMENT_TYPES.filter((type) => isWritingType(type) || type === 'speaking');

  it('has one rubric per writing type and one for speaking', () => {
    expect(practiceRubrics.map((rubric) => rubric.assessment_type).sort()).toEqual([...scoredTypes].sort());
    for (const rubric of practiceRubrics) {
      expect(rubric.rubric_id).toBe(`rubric-${rubric.assessment_type}`);
      expect(rubric.version).toBe('2023-05');
      expect(rubric.weight).toBe(rubric.assessment_type === 'writing_task2' ? 2 : 1);
    }
  });

  it('scores the criteria core names, with descriptors for bands 0–9 of each', () => {
    const bands = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
    for (const rubric of practiceRubrics) {
      const criteria = rubric.criteria.map((criterion) => criterion.criterion);
      expect(criteria).toEqual([...criteriaFor(rubric.assessment_type)]);
      expect(Object.keys(rubric.band_descriptors).sort()).toEqual([...criteria].sort());
      for (const criterion of criteria) {
        const descriptors = rubric.band_descriptors[criterion] ?? {};
        expect(Object.keys(descriptors).sort(), `${rubric.rubric_id} ${criterion}`).toEqual(bands);
        for (const [band, descriptor] of Object.entries(descriptors)) {
          expect(descriptor.length, `${rubric.rubric_id} ${criterion} ${band}`).toBeGreaterThan(20);
          expect(sentenceCount(descriptor), `${rubric.rubric_id} ${criterion} ${band}`).toBeLessThanOrEqual(2);
        }
      }
    }
  });

  it('rates the shortest writing responses at band 1', () => {
    for (const rubric of practiceRubrics.filter((candidate) => isWritingType(candidate.assessment_type))) {
      for (const descriptors of Object.values(rubric.band_descriptors)) expect(descriptors?.['1']).toContain('20 words or fewer');
    }
  });
});
