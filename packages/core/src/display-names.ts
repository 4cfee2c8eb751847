import type { AssessmentFlag, Provider } from './assessment.js';
import type { AssessmentType, Skill } from './assessment-type.js';

// The domain's words for learners, in one place: both apps and the server's emails use them, so a
// type or a flag is called the same everywhere. Not UI: no markup, no locale formatting.

/** How each assessment type is named to learners. */
export const ASSESSMENT_TYPE_NAMES: Readonly<Record<AssessmentType, string>> = {
  writing_task1_academic: 'Writing Task 1 (Academic)',
  writing_task1_general_training: 'Writing Task 1 (General Training)',
  writing_task2: 'Writing Task 2',
  speaking: 'Speaking',
  reading_academic: 'Reading (Academic)',
  reading_general_training: 'Reading (General Training)',
  listening: 'Listening',
};

/** How each of the four skills is named. */
export const SKILL_NAMES: Readonly<Record<Skill, string>> = {
  listening: 'Listening',
  reading: 'Reading',
  writing: 'Writing',
  speaking: 'Speaking',
};

/** What each flag on a result means for the learner: a short title and a sentence. */
export const FLAG_DESCRIPTIONS: Readonly<Record<AssessmentFlag, { title: string; description: string }>> = {
  minimal_response: {
    title: 'Very short answer',
    description: 'The answer is too short to be assessed fully, so every criterion gets a low band.',
  },
  under_length: {
    title: 'Under the word limit',
    description: 'The answer is shorter than the minimum; in the exam this lowers your Task band.',
  },
  off_topic: { title: 'Off topic', description: 'Much of the answer does not address the question that was set.' },
  other_language: { title: 'Not in English', description: 'Much of the answer is not written in English, so it cannot be credited.' },
  copied_prompt: {
    title: 'Copied from the question',
    description: 'Parts of the answer repeat the question; copied words are not credited.',
  },
  repetition: { title: 'Repetition', description: 'Words or sentences are repeated a lot.' },
  incoherent_text: {
    title: 'Does not hold together',
    description:
      'The words do not form sentences that make sense together, so the answer cannot be credited above band 5; a person will check it.',
  },
  prompt_injection: {
    title: 'Instructions to the scorer',
    description: 'The answer contains text that tries to instruct the scorer; it was ignored.',
  },
  content_filtered: { title: 'Content filtered', description: 'Part of the answer was blocked by a content filter.' },
  score_divergence: {
    title: 'Scores disagreed',
    description: 'Two scoring methods disagreed noticeably, so this result may be checked by a person.',
  },
  pronunciation_not_assessed: {
    title: 'Pronunciation not assessed',
    description: 'Pronunciation needs a recording and a scorer that listens to it; this test was scored from the transcript.',
  },
  hard_to_transcribe: { title: 'Hard to transcribe', description: 'Parts of the recording were hard to make out.' },
};

/** Who scored a result, in words. */
export const PROVIDER_NAMES: Readonly<Record<Provider, string>> = {
  bedrock: 'AI examiner (Amazon Bedrock)',
  gemini: 'AI examiner (Google Gemini)',
  offline: 'Offline scorer (runs without an AI model)',
  answer_key: 'Marked against the answer key',
};

/** A band as IELTS writes it (`6.5`, `7.0`); a dash when there is none. */
export function formatBand(band: number | null | undefined): string {
  if (band === null || band === undefined) return '–';
  return band.toFixed(1);
}
