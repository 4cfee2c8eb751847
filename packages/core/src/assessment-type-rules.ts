// The assessment types without zod, so `@ielts-genai-prep/core/rules` stays small.
/** Every kind of assessment the platform scores. */
export const ASSESSMENT_TYPES = [
  'writing_task1_academic',
  'writing_task1_general_training',
  'writing_task2',
  'speaking',
  'reading_academic',
  'reading_general_training',
  'listening',
] as const;

/** One of {@link ASSESSMENT_TYPES}. */
export type AssessmentType = (typeof ASSESSMENT_TYPES)[number];

/** The four IELTS skills. */
export const SKILLS = ['listening', 'reading', 'writing', 'speaking'] as const;
/** One of the four IELTS skills. */
export type Skill = (typeof SKILLS)[number];

/** The writing assessment types. */
export const WRITING_ASSESSMENT_TYPES = [
  'writing_task1_academic',
  'writing_task1_general_training',
  'writing_task2',
] as const satisfies readonly AssessmentType[];
/** A writing assessment type. */
export type WritingAssessmentType = (typeof WRITING_ASSESSMENT_TYPES)[number];

/** The reading assessment types. */
export const READING_ASSESSMENT_TYPES = ['reading_academic', 'reading_general_training'] as const satisfies readonly AssessmentType[];
/** An assessment type marked by answer key. */
export type AnswerKeyAssessmentType = 'reading_academic' | 'reading_general_training' | 'listening';

/** The skill an assessment type belongs to. */
export function skillOf(type: AssessmentType): Skill {
  if (type === 'speaking' || type === 'listening') return type;
  return type.startsWith('writing') ? 'writing' : 'reading';
}

/** True for the two writing task 1 types. */
export function isWritingTask1(type: AssessmentType): type is 'writing_task1_academic' | 'writing_task1_general_training' {
  return type === 'writing_task1_academic' || type === 'writing_task1_general_training';
}

/** True for the writing types. */
export function isWritingType(type: AssessmentType): type is WritingAssessmentType {
  return skillOf(type) === 'writing';
}

/** True for the types marked by answer key (reading and listening). */
export function isAnswerKeyType(type: AssessmentType): type is AnswerKeyAssessmentType {
  return type === 'listening' || type === 'reading_academic' || type === 'reading_general_training';
}
