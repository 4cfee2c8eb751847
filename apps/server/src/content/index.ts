import type { Question, Rubric } from '@ielts-genai-prep/core';
import { listeningTest } from './listening-test.js';
import { readingAcademicTest } from './reading-academic-test.js';
import { practiceRubricsByType } from './rubrics.js';
import { speakingQuestions } from './speaking-sets.js';
import { writingTask1AcademicQuestions } from './writing-task1-academic.js';
import { writingTask1GeneralTrainingQuestions } from './writing-task1-general-training.js';
import { writingTask2Questions } from './writing-task2.js';

export { listeningTest } from './listening-test.js';
export { readingAcademicTest } from './reading-academic-test.js';
export { RUBRIC_VERSION, practiceRubricsByType } from './rubrics.js';
export { speakingQuestions } from './speaking-sets.js';
export { writingTask1AcademicQuestions } from './writing-task1-academic.js';
export { writingTask1GeneralTrainingQuestions } from './writing-task1-general-training.js';
export { writingTask2Questions } from './writing-task2.js';

/**
 * The practice content bank the reference server seeds: writing prompts, speaking sets and one
 * full Academic Reading and Listening test. Every item is already in the shape core's
 * `questionSchema` parses to, answer keys included (strip them with `toPublicQuestion`).
 */
export const practiceQuestions: Question[] = [
  ...writingTask1AcademicQuestions,
  ...writingTask1GeneralTrainingQuestions,
  ...writingTask2Questions,
  ...speakingQuestions,
  readingAcademicTest,
  listeningTest,
];

/** The rubrics the reference server seeds: one per writing type and one for speaking. */
export const practiceRubrics: Rubric[] = Object.values(practiceRubricsByType);
