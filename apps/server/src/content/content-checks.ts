import { isDeepStrictEqual } from 'node:util';
import { parseAnswerFormat, parseAnswerKeyEntry } from '@ielts-genai-prep/ai-evaluators';
import {
  ASSESSMENT_TYPES,
  SPEAKING_TIMINGS,
  TEST_LIMITS,
  WRITING_LIMITS,
  chartSchema,
  countWords,
  isAnswerKeyType,
  questionSchema,
  rubricSchema,
  type AnswerFormat,
  type AssessmentType,
  type Question,
  type Rubric,
} from '@ielts-genai-prep/core';

/** The practice content an app is seeded with. */
export interface ContentBank {
  questions: readonly Question[];
  rubrics: readonly Rubric[];
}

/** One rule an item breaks: which item (or `bank` for the whole), and what is wrong. */
export interface ContentProblem {
  item: string;
  message: string;
}

/** The fewest items of each kind the bank must hold. */
export const CONTENT_MINIMUMS: Readonly<Partial<Record<AssessmentType, number>>> = {
  writing_task1_academic: 10,
  writing_task1_general_training: 6,
  writing_task2: 15,
  speaking: 12,
  reading_academic: 3,
  reading_general_training: 2,
  listening: 3,
};

/** The kinds of Task 2 question, each of which some prompt must be tagged with. */
export const ESSAY_KINDS = ['opinion', 'discussion', 'advantages-disadvantages', 'problem-solution', 'two-part'] as const;

/** The registers of General Training letters, each of which some letter must be tagged with. */
export const LETTER_REGISTERS = ['formal', 'semi-formal', 'informal'] as const;

/** Every chart kind core can carry; the Academic Task 1 items must use them all. */
export const CHART_KINDS: readonly string[] = chartSchema.shape.chart_type.options;

/** How each kind's ids are written. */
export const ID_PATTERNS: Readonly<Record<AssessmentType, RegExp>> = {
  writing_task1_academic: /^w1a-\d{3}$/,
  writing_task1_general_training: /^w1g-\d{3}$/,
  writing_task2: /^w2-\d{3}$/,
  speaking: /^sp-\d{3}$/,
  reading_academic: /^ra-test-\d{2}$/,
  reading_general_training: /^rg-test-\d{2}$/,
  listening: /^li-test-\d{2}$/,
};

/** Part 1 of a speaking set: how many topics, and how many questions each. */
export const PART1_TOPICS = { count: 3, minimumQuestions: 4, maximumQuestions: 5 } as const;

/** Words a listening transcript needs at least, so a section is long enough to carry its questions. */
export const MINIMUM_TRANSCRIPT_WORDS = 400;

/**
 * Every answer a key accepts, as the marker reads it: " / " separates alternatives and
 * brackets mark optional words, so "(the) river / stream" accepts "the river", "river", "stream".
 */
export function acceptedAnswers(key: string): string[] {
  return parseAnswerKeyEntry(key).accepted;
}

// A number is one token even with separators or an ordinal ending: "07962 418305", "1,200", "14th".
const numberPattern = /\d+(?:[ ,.:/-]\d+)*(?:st|nd|rd|th)?/g;

function countWordsAndNumbers(answer: string): { words: number; numbers: number } {
  const numbers = answer.match(numberPattern) ?? [];
  return { words: countWords(answer.replace(numberPattern, ' ')), numbers: numbers.length };
}

/** Whether an accepted answer is written as its group's instructions ask ("ONE WORD AND/OR A NUMBER"). */
export function fitsFormat(answer: string, format: AnswerFormat): boolean {
  switch (format.kind) {
    case 'words': {
      const { words, numbers } = countWordsAndNumbers(answer);
      return words + numbers > 0 && words <= format.max_words && numbers <= (format.numbers_allowed ? 1 : 0);
    }
    case 'number': {
      const { words, numbers } = countWordsAndNumbers(answer);
      return words === 0 && numbers === 1;
    }
    case 'true_false_not_given':
      return ['TRUE', 'FALSE', 'NOT GIVEN'].includes(answer);
    case 'yes_no_not_given':
      return ['YES', 'NO', 'NOT GIVEN'].includes(answer);
    case 'letter':
      return format.options.includes(answer);
  }
}

/** Words only, ignoring case, punctuation and line breaks ("break-bulk" ~ "break bulk"), padded for whole-word search. */
export function normalise(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/** Paragraph letters of a reading passage: each stands on a line of its own before its paragraph. */
export function paragraphLetters(text: string): string[] {
  return [...text.matchAll(/^([A-Z])$/gm)].map((match) => match[1] ?? '');
}

/** The text a group's answers come from: its passage (reading) or section transcript (listening). */
export function sourceText(test: Question, part: number): string | undefined {
  return test.passages.find((passage) => passage.part === part)?.text ?? test.sections.find((section) => section.part === part)?.transcript;
}

// "ANNA: Hello." or "DR GRANT: Come in." A speaker's name in capitals, then a colon.
const speakerLine = /^([A-Z][A-Z .'-]*[A-Z]): \S/;

/**
 * The speakers of a transcript, one entry per line in order; null for a line that names no
 * speaker. Blank lines (between a monologue's paragraphs) are left out.
 */
export function speakersOf(transcript: string): Array<string | null> {
  return transcript
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => speakerLine.exec(line)?.[1] ?? null);
}

/** Listening sections 1 and 3 are conversations: how many voices each may have. */
export const CONVERSATION_SPEAKERS: Readonly<Record<number, { minimum: number; maximum: number }>> = {
  1: { minimum: 2, maximum: 2 },
  3: { minimum: 2, maximum: 4 },
};

type Report = (item: string, message: string) => void;

function checkShapes(bank: ContentBank, report: Report): void {
  for (const question of bank.questions) {
    const parsed = questionSchema.safeParse(question);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        report(question.question_id ?? '(no id)', `${issue.path.join('.') || '(item)'}: ${issue.message}`);
    } else if (!isDeepStrictEqual(parsed.data, question)) {
      report(question.question_id, 'is not in the shape questionSchema parses it to (a default or an unknown field is missing or extra)');
    }
    if ((question.answer_key !== null) !== isAnswerKeyType(question.assessment_type)) {
      report(question.question_id, isAnswerKeyType(question.assessment_type) ? 'needs an answer key' : 'must not carry an answer key');
    }
    const pattern = ID_PATTERNS[question.assessment_type];
    if (!pattern?.test(question.question_id)) report(question.question_id, `id must match ${String(pattern)}`);
  }
  for (const rubric of bank.rubrics) {
    const parsed = rubricSchema.safeParse(rubric);
    if (!parsed.success) for (const issue of parsed.error.issues) report(rubric.rubric_id, `${issue.path.join('.')}: ${issue.message}`);
  }
  const seen = new Set<string>();
  for (const id of [...bank.questions.map((question) => question.question_id), ...bank.rubrics.map((rubric) => rubric.rubric_id)]) {
    if (seen.has(id)) report(id, 'id is used twice');
    seen.add(id);
  }
}

function checkCounts(bank: ContentBank, report: Report): void {
  const counts = countContent(bank.questions);
  for (const [type, minimum] of Object.entries(CONTENT_MINIMUMS)) {
    const count = counts[type as AssessmentType];
    if (count < (minimum ?? 0)) report('bank', `has ${count} ${type} items; at least ${minimum} are needed`);
  }
}

/** A writing task's word and time limits, as the exam sets them, and the prompt's own words for the first. */
function checkWritingLimits(question: Question, limits: { minimumWords: number; minutes: number }, report: Report): void {
  const id = question.question_id;
  const sentence = `Write at least ${limits.minimumWords} words.`;
  if (question.word_limit !== limits.minimumWords) report(id, `word_limit must be ${limits.minimumWords}`);
  if (question.time_limit !== limits.minutes) report(id, `time_limit must be ${limits.minutes}`);
  if (!question.prompt.includes(sentence)) report(id, `prompt must say "${sentence}"`);
}

function checkTask1(questions: readonly Question[], report: Report): void {
  const chartKinds = new Set<string>();
  const registers = new Set<string>();
  for (const question of questions) {
    const id = question.question_id;
    checkWritingLimits(question, WRITING_LIMITS.task1, report);
    if (question.assessment_type === 'writing_task1_general_training') {
      if (question.chart !== null) report(id, 'a letter carries no chart');
      if (question.letter_points.length !== 3) report(id, 'a letter needs exactly three points');
      for (const point of question.letter_points)
        if (!question.prompt.includes(point)) report(id, `letter point "${point}" is not in the prompt`);
      const register = question.tags.filter((tag) => (LETTER_REGISTERS as readonly string[]).includes(tag));
      if (register.length !== 1) report(id, `a letter is tagged with one register of ${LETTER_REGISTERS.join(', ')}`);
      for (const tag of register) registers.add(tag);
      continue;
    }
    const chart = question.chart;
    if (!chart) {
      report(id, 'an Academic item needs chart data');
      continue;
    }
    chartKinds.add(chart.chart_type);
    if (chart.chart_type === 'process' || chart.chart_type === 'map') {
      if (chart.steps.length < 5) report(id, `a ${chart.chart_type} needs at least 5 steps`);
      if (chart.chart_type === 'map') {
        if (!chart.map) report(id, 'a map needs map data (features with positions) so apps can draw it');
        else if (
          !isDeepStrictEqual(
            chart.map.views.map((view) => view.label),
            chart.categories,
          )
        ) {
          report(id, 'a map’s views must be labelled as its categories, in order');
        }
      }
      continue;
    }
    if (chart.categories.length < 2) report(id, 'a chart needs at least 2 categories');
    if (chart.series.length < 1) report(id, 'a chart needs at least 1 series');
    if (chart.unit === null) report(id, 'a numeric chart needs a unit');
    for (const series of chart.series) {
      if (series.values.length !== chart.categories.length) report(id, `series "${series.name}" needs one value per category`);
      if (series.values.some((value) => value !== null && value < 0)) report(id, `series "${series.name}" has a negative value`);
      const total = series.values.reduce<number>((sum, value) => sum + (value ?? 0), 0);
      if (chart.chart_type === 'pie' && Math.abs(total - 100) > 0.05) report(id, `pie "${series.name}" adds up to ${total}, not 100`);
    }
  }
  if (questions.some((question) => question.assessment_type === 'writing_task1_academic')) {
    for (const kind of CHART_KINDS) if (!chartKinds.has(kind)) report('bank', `no Academic Task 1 item is a ${kind} chart`);
  }
  if (questions.some((question) => question.assessment_type === 'writing_task1_general_training')) {
    for (const register of LETTER_REGISTERS) if (!registers.has(register)) report('bank', `no General Training letter is ${register}`);
  }
}

function checkTask2(questions: readonly Question[], report: Report): void {
  const kinds = new Set<string>();
  for (const question of questions) {
    checkWritingLimits(question, WRITING_LIMITS.task2, report);
    for (const tag of question.tags) kinds.add(tag);
  }
  if (questions.length > 0) for (const kind of ESSAY_KINDS) if (!kinds.has(kind)) report('bank', `no Task 2 prompt is tagged ${kind}`);
}

function checkSpeaking(questions: readonly Question[], report: Report): void {
  for (const question of questions) {
    const id = question.question_id;
    if (question.time_limit !== SPEAKING_TIMINGS.total.maximumSeconds / 60)
      report(id, `time_limit must be ${SPEAKING_TIMINGS.total.maximumSeconds / 60}`);
    if (question.word_limit !== null) report(id, 'word_limit must be null');
    const set = question.speaking;
    if (!set) {
      report(id, 'needs a speaking set');
      continue;
    }
    const topics = set.part1.topics ?? [];
    if (topics.length !== PART1_TOPICS.count) report(id, `Part 1 needs ${PART1_TOPICS.count} topics (part1.topics), not ${topics.length}`);
    for (const topic of topics) {
      if (topic.question_count < PART1_TOPICS.minimumQuestions || topic.question_count > PART1_TOPICS.maximumQuestions) {
        report(id, `Part 1 topic "${topic.topic}" needs ${PART1_TOPICS.minimumQuestions}–${PART1_TOPICS.maximumQuestions} questions`);
      }
    }
    if (!/^Describe /.test(set.part2.topic)) report(id, 'the cue card starts "Describe …"');
    if (set.part2.prompts.length < 3 || set.part2.prompts.length > 4) report(id, 'the cue card needs 3–4 points');
    if (!/^and explain /.test(set.part2.closing)) report(id, 'the cue card closes "and explain …"');
    if (set.part2.follow_up.length < 1) report(id, 'Part 2 needs a follow-up question');
    if (set.part3.questions.length < 4 || set.part3.questions.length > 6) report(id, 'Part 3 needs 4–6 questions');
    for (const prompt of [...set.part1.questions, ...set.part3.questions, ...set.part2.follow_up]) {
      if (!prompt.endsWith('?')) report(id, `"${prompt}" is not a question`);
    }
  }
}

function checkTest(test: Question, report: Report): void {
  const id = test.question_id;
  const listening = test.assessment_type === 'listening';
  const limits = listening ? TEST_LIMITS.listening : TEST_LIMITS.reading;
  const parts = listening ? [1, 2, 3, 4] : [1, 2, 3];
  if (test.time_limit !== limits.minutes) report(id, `time_limit must be ${limits.minutes}`);
  const textParts = listening ? test.sections.map((section) => section.part) : test.passages.map((passage) => passage.part);
  if (!isDeepStrictEqual(textParts, parts))
    report(id, `needs one ${listening ? 'section' : 'passage'} for each part ${parts.join(', ')}, in order`);
  for (const group of test.question_groups) if (!parts.includes(group.part)) report(id, `group ${group.group_id} belongs to no part`);

  const numbers = test.question_groups.flatMap((group) => group.questions.map((question) => question.number));
  const expected = Array.from({ length: limits.questions }, (_, index) => index + 1);
  if (!isDeepStrictEqual(numbers, expected)) report(id, `questions must be numbered 1–${limits.questions} once each, in order`);
  const keyed = Object.keys(test.answer_key ?? {})
    .map(Number)
    .sort((a, b) => a - b);
  if (!isDeepStrictEqual(keyed, expected)) report(id, `the answer key must give questions 1–${limits.questions}, each once`);
  const groupIds = test.question_groups.map((group) => group.group_id);
  if (new Set(groupIds).size !== groupIds.length) report(id, 'group ids must be unique');

  for (const group of test.question_groups) {
    const format = group.answer_format;
    // The instructions and answer_format must agree: the candidate follows one, the marker the other.
    if (!isDeepStrictEqual(parseAnswerFormat(group.instructions), format)) {
      report(
        id,
        `group ${group.group_id}: its instructions read as ${JSON.stringify(parseAnswerFormat(group.instructions))}, not its answer_format`,
      );
    }
    if (
      format.kind === 'letter' &&
      group.options.length > 0 &&
      !isDeepStrictEqual(
        group.options.map((option) => option.letter),
        format.options,
      )
    ) {
      report(id, `group ${group.group_id}: its options must be the letters ${format.options.join(', ')}`);
    }
    const text = normalise(sourceText(test, group.part) ?? '');
    for (const question of group.questions) {
      const answers = acceptedAnswers(test.answer_key?.[String(question.number)] ?? '');
      for (const answer of answers)
        if (!fitsFormat(answer, format)) report(id, `question ${question.number}: "${answer}" does not fit the group's answer format`);
      if ((format.kind === 'words' || format.kind === 'number') && !answers.some((answer) => text.includes(normalise(answer)))) {
        report(id, `question ${question.number}: none of ${answers.join(', ')} is in part ${group.part}`);
      }
    }
    checkDiagram(test, group, report);
    if (format.kind === 'true_false_not_given' || format.kind === 'yes_no_not_given') {
      const used = new Set(group.questions.map((question) => test.answer_key?.[String(question.number)]));
      if (used.size !== 3) report(id, `group ${group.group_id} must use each of its three answers at least once`);
    }
  }

  if (listening) checkListeningSections(test, report);
}

const DIAGRAM_INSTRUCTIONS = /\bLabel the diagram\b/;

/**
 * A diagram-label group carries its figure and only such a group does; the figure's feature
 * labels reach the learner before the answers do, so none may hold an accepted answer.
 */
function checkDiagram(test: Question, group: Question['question_groups'][number], report: Report): void {
  const asksForDiagram = DIAGRAM_INSTRUCTIONS.test(group.instructions);
  if (asksForDiagram !== (group.diagram !== undefined)) {
    report(
      test.question_id,
      `group ${group.group_id}: ${asksForDiagram ? 'says "Label the diagram" but has no diagram' : 'has a diagram but does not say "Label the diagram"'}`,
    );
  }
  if (group.diagram === undefined) return;
  const answers = group.questions.flatMap((question) => acceptedAnswers(test.answer_key?.[String(question.number)] ?? ''));
  for (const feature of group.diagram.drawing.views.flatMap((view) => view.features)) {
    const label = normalise(feature.label);
    const given = answers.find((answer) => normalise(answer).trim() !== '' && label.includes(normalise(answer)));
    if (given !== undefined)
      report(test.question_id, `group ${group.group_id}: the feature "${feature.label}" gives away the answer "${given}"`);
  }
}

function checkListeningSections(test: Question, report: Report): void {
  for (const section of test.sections) {
    const where = `${test.question_id} section ${section.part}`;
    if (section.audio_url !== null) report(where, 'audio_url must be null until a recording exists');
    if (countWords(section.transcript) < MINIMUM_TRANSCRIPT_WORDS)
      report(where, `the transcript needs at least ${MINIMUM_TRANSCRIPT_WORDS} words`);
    const speakers = speakersOf(section.transcript);
    const voices = new Set(speakers.filter((speaker) => speaker !== null));
    const conversation = CONVERSATION_SPEAKERS[section.part];
    if (conversation) {
      const unnamed = speakers.indexOf(null);
      if (unnamed !== -1) report(where, `line ${unnamed + 1} does not name its speaker ("NAME: …")`);
      if (voices.size < conversation.minimum || voices.size > conversation.maximum) {
        report(where, `a conversation here has ${conversation.minimum}–${conversation.maximum} speakers, not ${voices.size}`);
      }
    } else if (voices.size > 1 || (voices.size === 1 && speakers.includes(null))) {
      // A monologue is one voice: unnamed throughout (as in test 1), or the same name on every line.
      report(where, 'a monologue has one speaker: name it on every line or on none');
    }
    if (section.part === 1 && !/\b[A-Z](?:-[A-Z]){2,}\b/.test(section.transcript)) {
      report(where, 'section 1 spells at least one name letter by letter ("H-A-R-W-O-O-D")');
    }
  }
}

/**
 * Every rule the practice content must keep: core's schemas (each item already in its parsed
 * shape), ids, keys, the minimum counts, and the rules of each kind. Returns the problems
 * found, none for a good bank; never throws on bad content.
 */
export function checkContent(bank: ContentBank): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report: Report = (item, message) => problems.push({ item, message });
  checkShapes(bank, report);
  // The rules of each kind read only items in core's shape; a broken one is reported above.
  const valid = bank.questions.filter((question) => questionSchema.safeParse(question).success);
  const ofType = (...types: AssessmentType[]) => valid.filter((question) => types.includes(question.assessment_type));
  checkCounts(bank, report);
  checkTask1(ofType('writing_task1_academic', 'writing_task1_general_training'), report);
  checkTask2(ofType('writing_task2'), report);
  checkSpeaking(ofType('speaking'), report);
  for (const test of ofType('reading_academic', 'reading_general_training', 'listening')) checkTest(test, report);
  return problems;
}

/** How many items of each kind the bank holds, every kind listed. */
export function countContent(questions: readonly Question[]): Record<AssessmentType, number> {
  const counts = Object.fromEntries(ASSESSMENT_TYPES.map((type) => [type, 0])) as Record<AssessmentType, number>;
  for (const question of questions) counts[question.assessment_type] += 1;
  return counts;
}
