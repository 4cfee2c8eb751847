// The criteria without zod, so `@ielts-genai-prep/core/rules` stays small.
import { isWritingTask1, skillOf, type AssessmentType } from './assessment-type-rules.js';

/** Every criterion id across Writing and Speaking. */
export const CRITERION_IDS = [
  'task_achievement',
  'task_response',
  'coherence_cohesion',
  'fluency_coherence',
  'lexical_resource',
  'grammatical_range_accuracy',
  'pronunciation',
] as const;

/** One of {@link CRITERION_IDS}. */
export type CriterionId = (typeof CRITERION_IDS)[number];

/** The criteria of Writing task 1 (equally weighted). */
export const WRITING_TASK1_CRITERIA = [
  'task_achievement',
  'coherence_cohesion',
  'lexical_resource',
  'grammatical_range_accuracy',
] as const satisfies readonly CriterionId[];

/** The criteria of Writing task 2 (equally weighted). */
export const WRITING_TASK2_CRITERIA = [
  'task_response',
  'coherence_cohesion',
  'lexical_resource',
  'grammatical_range_accuracy',
] as const satisfies readonly CriterionId[];

/** The criteria of Speaking (equally weighted). */
export const SPEAKING_CRITERIA = [
  'fluency_coherence',
  'lexical_resource',
  'grammatical_range_accuracy',
  'pronunciation',
] as const satisfies readonly CriterionId[];

/** The names IELTS gives the criteria. */
export const CRITERION_NAMES: Readonly<Record<CriterionId, string>> = {
  task_achievement: 'Task Achievement',
  task_response: 'Task Response',
  coherence_cohesion: 'Coherence and Cohesion',
  fluency_coherence: 'Fluency and Coherence',
  lexical_resource: 'Lexical Resource',
  grammatical_range_accuracy: 'Grammatical Range and Accuracy',
  pronunciation: 'Pronunciation',
};

/** The criteria an assessment type is scored on; none for reading and listening (marked by key). */
export function criteriaFor(type: AssessmentType): readonly CriterionId[] {
  if (isWritingTask1(type)) return WRITING_TASK1_CRITERIA;
  if (type === 'writing_task2') return WRITING_TASK2_CRITERIA;
  if (skillOf(type) === 'speaking') return SPEAKING_CRITERIA;
  return [];
}
