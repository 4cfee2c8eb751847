import type { Question, Rubric } from '@ielts-genai-prep/core';
import type { Repositories } from '@ielts-genai-prep/dal-dynamodb';

/**
 * Loads the practice questions and rubrics. Idempotent: each is put by its id, so loading twice
 * leaves one copy of each, updated to the bank's current text.
 */
export async function seedContent(
  repositories: Pick<Repositories, 'questions' | 'rubrics'>,
  content: { questions: readonly Question[]; rubrics: readonly Rubric[] },
): Promise<{ questions: number; rubrics: number }> {
  await repositories.questions.putMany(content.questions);
  for (const rubric of content.rubrics) await repositories.rubrics.put(rubric);
  return { questions: content.questions.length, rubrics: content.rubrics.length };
}
