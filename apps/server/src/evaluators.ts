import type { AiSafetyEvent } from '@ielts-genai-prep/ai-evaluators';
import type { AssessmentResultInput, Question, Rubric, SpeakingSetup, SpeakingTurnInput } from '@ielts-genai-prep/core';

/** A writing answer to score. */
export interface WritingEvaluationRequest {
  question: Question;
  essay: string;
  /** The rubric of the question's type, when one is loaded. */
  rubric: Rubric | undefined;
  /** Receives each AI safety event raised while this answer is scored (the caller stores them). */
  onSafetyEvent?: (event: AiSafetyEvent) => void;
  /** Gives the scoring up (the provider call in flight is aborted). Default: none. */
  signal?: AbortSignal;
}

/** A reading or listening answer sheet to mark. */
export interface AnswerSheetEvaluationRequest {
  question: Question;
  answers: Record<string, string>;
}

/** A finished speaking test to score: the stored state and the turns as submitted. */
export interface SpeakingEvaluationRequest {
  question: Question;
  /** The speaking state machine's state (see `speaking-session` in ai-evaluators). */
  state: unknown;
  /** Every turn as the candidate submitted it (transcripts; audio when it was kept). */
  turns: SpeakingTurnInput[];
  rubric: Rubric | undefined;
  /** Receives each AI safety event raised while this test is scored (the caller stores them). */
  onSafetyEvent?: (event: AiSafetyEvent) => void;
  /** Gives the scoring up (the provider call in flight is aborted). Default: none. */
  signal?: AbortSignal;
}

/**
 * The scorers the server calls. `main.ts` builds them from ai-evaluators (offline unless AWS or
 * Gemini settings are present); tests pass the same real ones.
 */
export interface Evaluators {
  writing(request: WritingEvaluationRequest): Promise<AssessmentResultInput>;
  answerSheet(request: AnswerSheetEvaluationRequest): Promise<AssessmentResultInput>;
  speaking(request: SpeakingEvaluationRequest): Promise<AssessmentResultInput>;
  /** How `speaking` scores: what an app tells the learner before a test starts. */
  speakingSetup: SpeakingSetup;
}
