import {
  ASSESSMENT_TYPE_NAMES,
  CRITERION_NAMES,
  FLAG_DESCRIPTIONS,
  PROVIDER_NAMES,
  criteriaFor,
  formatBand,
  isAnswerKeyType,
  type Assessment,
  type AssessmentFlag,
} from '@ielts-genai-prep/core';

/** One of the assessment's criteria, as a result screen lists it. */
export interface CriterionSummary {
  criterion: ReturnType<typeof criteriaFor>[number];
  /** "Task Response", "Pronunciation". */
  name: string;
  /** False for a criterion with no band (Pronunciation judged from a transcript alone). */
  assessed: boolean;
  /** The band as IELTS writes it ("6.5", "7.0"), or "Not assessed". */
  band: string;
  /** The examiner's feedback on it; empty when there is none. */
  feedback: string;
}

/** What a result screen says about an assessment, in words, whatever it draws it with. */
export interface ResultSummary {
  /** "Writing Task 2", "Reading (Academic)". */
  typeName: string;
  /** The overall band as IELTS writes it; a dash while there is none. */
  overallBand: string;
  /** Correct answers out of 40 for reading and listening, when marked; null for the other skills. */
  rawScore: number | null;
  /** Every criterion of the assessment's type, in the IELTS order, whether or not it has a score yet. */
  criteria: CriterionSummary[];
  /** Each flag on the result with its title and what it means for the learner. */
  flags: Array<{ flag: AssessmentFlag; title: string; description: string }>;
  /** Who scored it ("AI examiner (Amazon Bedrock)"); null before it is scored. */
  providerName: string | null;
}

/** The words of a result screen, worked out once for the web's page and the phone's screen. */
export function resultSummary(assessment: Assessment): ResultSummary {
  return {
    typeName: ASSESSMENT_TYPE_NAMES[assessment.assessment_type],
    overallBand: formatBand(assessment.overall_band),
    rawScore: isAnswerKeyType(assessment.assessment_type) ? assessment.raw_score : null,
    criteria: criteriaFor(assessment.assessment_type).map((criterion) => {
      const score = assessment.criteria_scores[criterion];
      const assessed = score !== undefined && score.band !== null;
      return {
        criterion,
        name: CRITERION_NAMES[criterion],
        assessed,
        band: assessed ? formatBand(score.band) : 'Not assessed',
        feedback: score?.feedback ?? '',
      };
    }),
    flags: assessment.flags.map((flag) => ({ flag, ...FLAG_DESCRIPTIONS[flag] })),
    providerName: assessment.provenance ? PROVIDER_NAMES[assessment.provenance.provider] : null,
  };
}
