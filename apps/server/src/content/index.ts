import type { Question, Rubric } from '@ielts-genai-prep/core';
import { listeningTest } from './listening-test.js';
import { listeningTest2 } from './listening-test-2.js';
import { listeningTest3 } from './listening-test-3.js';
import { readingAcademicTest } from './reading-academic-test.js';
import { readingAcademicTest2 } from './reading-academic-test-2.js';
import { readingAcademicTest3 } from './reading-academic-test-3.js';
import { readingGeneralTrainingTest1 } from './reading-general-training-test-1.js';
import { readingGeneralTrainingTest2 } from './reading-general-training-test-2.js';
import { practiceRubricsByType } from './rubrics.js';
import { speakingQuestions } from './speaking-sets.js';
import { writingTask1AcademicQuestions } from './writing-task1-academic.js';
import { writingTask1GeneralTrainingQuestions } from './writing-task1-general-training.js';
import { writingTask2Questions } from './writing-task2.js';

export { listeningTest } from './listening-test.js';
export { listeningTest2 } from './listening-test-2.js';
export { listeningTest3 } from './listening-test-3.js';
export { readingAcademicTest } from './reading-academic-test.js';
export { readingAcademicTest2 } from './reading-academic-test-2.js';
export { readingAcademicTest3 } from './reading-academic-test-3.js';
export { readingGeneralTrainingTest1 } from './reading-general-training-test-1.js';
export { readingGeneralTrainingTest2 } from './reading-general-training-test-2.js';
export { RUBRIC_VERSION, practiceRubricsByType } from './rubrics.js';
export { speakingQuestions } from './speaking-sets.js';
export { writingTask1AcademicQuestions } from './writing-task1-academic.js';
export { writingTask1GeneralTrainingQuestions } from './writing-task1-general-training.js';
export { writingTask2Questions } from './writing-task2.js';

/**
 * The practice content bank the reference server seeds: writing prompts, speaking sets, full
 * Academic and General Training Reading tests and full Listening tests. Every item is already
 * in the shape core's `questionSchema` parses to, answer keys included (strip them with
 * `toPublicQuestion`).
 */
export const practiceQuestions: Question[] = [
  ...writingTask1AcademicQuestions,
  ...writingTask1GeneralTrainingQuestions,
  ...writingTask2Questions,
  ...speakingQuestions,
  readingAcademicTest,
  readingAcademicTest2,
  readingAcademicTest3,
  readingGeneralTrainingTest1,
  readingGeneralTrainingTest2,
  listeningTest,
  listeningTest2,
  listeningTest3,
];

/** The rubrics the reference server seeds: one per writing type and one for speaking. */
export const practiceRubrics: Rubric[] = Object.values(practiceRubricsByType);
