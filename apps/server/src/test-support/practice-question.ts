import type { AssessmentType, Question } from '@ielts-genai-prep/core';
import { practiceQuestions } from '../content/index.js';

/** The first seeded practice question of `type`: the one a test answers when any of the type will do. */
export function practiceQuestionOf(type: AssessmentType): Question {
  const question = practiceQuestions.find((entry) => entry.assessment_type === type);
  if (!question) throw new Error(`No practice question of type ${type} is seeded`);
  return question;
}
