import { WRITING_LIMITS, type Question } from '@ielts-genai-prep/core';
import { emptyQuestionFields } from './question-defaults.js';

/** Builds a General Training letter prompt: the situation, the points, the length and the opening. */
function letterPrompt(situation: string, task: string, points: readonly string[], opening: string): string {
  return [
    situation,
    '',
    `${task} In your letter`,
    ...points.map((point) => `• ${point}`),
    '',
    `Write at least ${WRITING_LIMITS.task1.minimumWords} words.`,
    '',
    'You do NOT need to write any addresses.',
    '',
    'Begin your letter as follows:',
    '',
    opening,
  ].join('\n');
}

/** Builds a letter item whose `letter_points` and prompt bullets are the same list. */
function letter(item: {
  question_id: string;
  title: string;
  situation: string;
  task: string;
  points: [string, string, string];
  opening: string;
  register: 'formal' | 'semi-formal' | 'informal';
  tags: string[];
}): Question {
  return {
    ...emptyQuestionFields(),
    question_id: item.question_id,
    assessment_type: 'writing_task1_general_training',
    title: item.title,
    prompt: letterPrompt(item.situation, item.task, item.points, item.opening),
    word_limit: WRITING_LIMITS.task1.minimumWords,
    time_limit: WRITING_LIMITS.task1.minutes,
    letter_points: [...item.points],
    tags: [item.register, 'letter', ...item.tags],
  };
}

/** General Training Writing task 1 practice letters: formal, semi-formal and informal. */
export const writingTask1GeneralTrainingQuestions: Question[] = [
  letter({
    question_id: 'w1g-001',
    title: 'Complaint about roadworks near your home',
    situation:
      'For the past month, roadworks outside your home have started early every morning and have made it difficult to get in and out of your street.',
    task: 'Write a letter to the local council.',
    points: [
      'describe the problems the roadworks are causing',
      'explain how these problems are affecting you and your family',
      'say what you would like the council to do',
    ],
    opening: 'Dear Sir or Madam,',
    register: 'formal',
    tags: ['complaint', 'local-services'],
  }),
  letter({
    question_id: 'w1g-002',
    title: 'Request to change your working hours',
    situation:
      'You would like to take an evening course that will help you in your job, but the classes clash with your current working hours.',
    task: 'Write a letter to your manager.',
    points: [
      'give details of the course you want to take',
      'explain how the course would benefit your work',
      'suggest how your working hours could be changed',
    ],
    opening: 'Dear ……………,',
    register: 'semi-formal',
    tags: ['request', 'work'],
  }),
  letter({
    question_id: 'w1g-003',
    title: 'A friend is coming to stay',
    situation: 'A friend from another country is coming to stay with you for a week next month.',
    task: 'Write a letter to your friend.',
    points: [
      'tell your friend what arrangements you have made for their stay',
      'suggest some things you could do together',
      'advise your friend what to bring',
    ],
    opening: 'Dear ……………,',
    register: 'informal',
    tags: ['invitation', 'travel'],
  }),
  letter({
    question_id: 'w1g-004',
    title: 'Volunteering at a summer festival',
    situation: 'You have seen an advertisement asking for volunteers to help at a music and food festival in your town this summer.',
    task: 'Write a letter to the festival organiser.',
    points: [
      'say which job at the festival you would like to do',
      'describe any relevant experience or skills you have',
      'explain when you would be available',
    ],
    opening: 'Dear Sir or Madam,',
    register: 'formal',
    tags: ['application', 'community'],
  }),
  letter({
    question_id: 'w1g-005',
    title: 'A problem with your neighbour’s garden',
    situation:
      'A tree in your neighbour’s garden has grown so large that it blocks the light to your kitchen and drops leaves into your garden.',
    task: 'Write a letter to your neighbour.',
    points: [
      'describe the problem the tree is causing',
      'explain why this is a problem for you',
      'suggest what you could both do about it',
    ],
    opening: 'Dear ……………,',
    register: 'semi-formal',
    tags: ['request', 'neighbours'],
  }),
  letter({
    question_id: 'w1g-006',
    title: 'Thanking a friend for their help',
    situation: 'A friend helped you a lot when you moved into a new flat last month.',
    task: 'Write a letter to your friend.',
    points: ['thank your friend for their help', 'describe your new flat and the area around it', 'invite your friend to visit you'],
    opening: 'Dear ……………,',
    register: 'informal',
    tags: ['thanks', 'home'],
  }),
];
