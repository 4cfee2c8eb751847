import { WRITING_LIMITS, type Question } from '@ielts-genai-prep/core';
import { emptyQuestionFields } from './question-defaults.js';

/** The kinds of task 2 question IELTS sets; each item is tagged with its kind. */
type EssayKind = 'opinion' | 'discussion' | 'advantages-disadvantages' | 'problem-solution' | 'two-part' | 'positive-negative';

const CLOSING = `Give reasons for your answer and include any relevant examples from your own knowledge or experience.\n\nWrite at least ${WRITING_LIMITS.task2.minimumWords} words.`;

/** Builds a task 2 item: the statement, the question asked about it, the standard closing. */
function essay(item: {
  question_id: string;
  title: string;
  statement: string;
  question: string;
  kind: EssayKind;
  topic: string;
}): Question {
  return {
    ...emptyQuestionFields(),
    question_id: item.question_id,
    assessment_type: 'writing_task2',
    title: item.title,
    prompt: `Write about the following topic:\n\n${item.statement}\n\n${item.question}\n\n${CLOSING}`,
    word_limit: WRITING_LIMITS.task2.minimumWords,
    time_limit: WRITING_LIMITS.task2.minutes,
    tags: [item.kind, item.topic],
  };
}

/** Writing task 2 practice prompts, one or more of each kind of essay question. */
export const writingTask2Questions: Question[] = [
  essay({
    question_id: 'w2-001',
    title: 'Universities and employment',
    statement:
      'Some people believe that universities should only offer courses in subjects that prepare students directly for a particular job.',
    question: 'To what extent do you agree or disagree?',
    kind: 'opinion',
    topic: 'education',
  }),
  essay({
    question_id: 'w2-002',
    title: 'Public transport or new roads',
    statement:
      'Some people think the best way to reduce traffic congestion in cities is to invest in public transport. Others believe that building more and wider roads is a better solution.',
    question: 'Discuss both these views and give your own opinion.',
    kind: 'discussion',
    topic: 'transport',
  }),
  essay({
    question_id: 'w2-003',
    title: 'Working from home',
    statement: 'An increasing number of employees now work from home for all or part of the week instead of travelling to an office.',
    question: 'Do the advantages of this development outweigh the disadvantages?',
    kind: 'advantages-disadvantages',
    topic: 'work',
  }),
  essay({
    question_id: 'w2-004',
    title: 'Young people and home ownership',
    statement: 'In many countries, young adults are finding it increasingly difficult to buy their first home.',
    question: 'What are the causes of this problem, and what measures could be taken to solve it?',
    kind: 'problem-solution',
    topic: 'housing',
  }),
  essay({
    question_id: 'w2-005',
    title: 'News from social media',
    statement: 'Many people today get most of their news from social media rather than from newspapers, radio or television.',
    question: 'Why is this happening? Is it a positive or negative development?',
    kind: 'two-part',
    topic: 'media',
  }),
  essay({
    question_id: 'w2-006',
    title: 'Working beyond retirement age',
    statement: 'In some countries, more and more people are choosing to continue working after they reach the official retirement age.',
    question: 'Is this a positive or negative development?',
    kind: 'positive-negative',
    topic: 'society',
  }),
  essay({
    question_id: 'w2-007',
    title: 'Cooking lessons at school',
    statement: 'Some people say that every child should be taught how to cook healthy meals at school.',
    question: 'To what extent do you agree or disagree?',
    kind: 'opinion',
    topic: 'health',
  }),
  essay({
    question_id: 'w2-008',
    title: 'Banning cars from city centres',
    statement: 'Some people believe that private cars should be banned from the centres of large cities.',
    question: 'To what extent do you agree or disagree?',
    kind: 'opinion',
    topic: 'transport',
  }),
  essay({
    question_id: 'w2-009',
    title: 'Learning from teachers or from the internet',
    statement:
      'Some people think that children learn best in a classroom with a teacher. Others believe that the internet now allows children to learn just as well on their own.',
    question: 'Discuss both these views and give your own opinion.',
    kind: 'discussion',
    topic: 'education',
  }),
  essay({
    question_id: 'w2-010',
    title: 'Paying for museums',
    statement:
      'Some people say that museums and art galleries should be free for everyone. Others think that visitors should pay to help cover their costs.',
    question: 'Discuss both these views and give your own opinion.',
    kind: 'discussion',
    topic: 'culture',
  }),
  essay({
    question_id: 'w2-011',
    title: 'Studying abroad',
    statement: 'Every year, more students choose to go to another country to complete their university education.',
    question: 'What are the advantages and disadvantages of studying abroad?',
    kind: 'advantages-disadvantages',
    topic: 'education',
  }),
  essay({
    question_id: 'w2-012',
    title: 'Food waste',
    statement: 'In many countries, a large amount of the food that is produced is thrown away without being eaten.',
    question: 'Why does this happen, and what can be done to reduce the amount of food that is wasted?',
    kind: 'problem-solution',
    topic: 'environment',
  }),
  essay({
    question_id: 'w2-013',
    title: 'Loneliness in cities',
    statement: 'Although more people live in cities than ever before, many city residents say that they often feel lonely.',
    question: 'What are the causes of this problem, and what solutions can you suggest?',
    kind: 'problem-solution',
    topic: 'society',
  }),
  essay({
    question_id: 'w2-014',
    title: 'Choosing a career',
    statement: 'Many young people today find it difficult to decide which career to follow after they leave school.',
    question: 'Why is this? What could be done to help them make this decision?',
    kind: 'two-part',
    topic: 'work',
  }),
  essay({
    question_id: 'w2-015',
    title: 'Online shopping and local shops',
    statement: 'More and more people now buy everyday goods online rather than in local shops.',
    question: 'Do the advantages of this trend outweigh the disadvantages?',
    kind: 'advantages-disadvantages',
    topic: 'business',
  }),
  essay({
    question_id: 'w2-016',
    title: 'Space exploration',
    statement:
      'Some people think that governments should spend money on exploring space, while others believe this money should be spent on solving problems on Earth.',
    question: 'Discuss both these views and give your own opinion.',
    kind: 'discussion',
    topic: 'science',
  }),
];
