import { meanBand, type Band } from '@ielts-genai-prep/core';

/** The two Gemini models of smart selection. */
export interface SpeakingModels {
  /** Scores every test first. Default `gemini-2.5-flash-lite`. */
  default: string;
  /** Scores again when the first score is uncertain or high-stakes. Default `gemini-2.5-flash`. */
  escalation: string;
}

/** The defaults of {@link SpeakingModels}. */
export const DEFAULT_SPEAKING_MODELS: Readonly<SpeakingModels> = {
  default: 'gemini-2.5-flash-lite',
  escalation: 'gemini-2.5-flash',
};

/** When to escalate. */
export interface SpeakingEscalationThresholds {
  /** Escalate when the provisional band is at least this. Default 7. */
  highBand?: number;
  /**
   * Escalate when the mean of the criterion bands lies within this distance of a rounding
   * edge (x.25 or x.75, where one criterion half a band higher or lower changes the band).
   * Default 0: exactly on the edge. With three criteria (no audio, so no Pronunciation) the
   * mean is a multiple of 1/6 and never exactly on an edge: there, only a margin of 1/12 or
   * more makes this case apply.
   */
  boundaryMargin?: number;
  /** Escalate when the model's transcription confidence is below this. Default 0.7. */
  minimumTranscriptionConfidence?: number;
}

/** The defaults of {@link SpeakingEscalationThresholds}. */
export const DEFAULT_SPEAKING_ESCALATION_THRESHOLDS: Readonly<Required<SpeakingEscalationThresholds>> = {
  highBand: 7,
  boundaryMargin: 0,
  minimumTranscriptionConfidence: 0.7,
};

/** What the default model's first scoring showed. */
export type ProvisionalSpeakingScore =
  | {
      valid: true;
      /** The bands of the criteria that were assessed (no Pronunciation without audio). */
      bands: readonly Band[];
      /** 0–1, when audio was assessed; null otherwise. */
      transcriptionConfidence: number | null;
      /** The model said the recording made speech hard to make out. */
      audioUnclear: boolean;
    }
  | { valid: false; problem: string };

/** Why a test was escalated. */
export type SpeakingEscalationReason = 'invalid_output' | 'high_band' | 'band_boundary' | 'hard_to_transcribe';

/** The decision of {@link selectSpeakingModel}. */
export interface SpeakingModelSelection {
  /** True when the escalation model must score the test. */
  escalate: boolean;
  /** The model whose scores are final. */
  modelId: string;
  /** Why it escalated (or would have, with no second model); empty when the first scoring stands. */
  reasons: SpeakingEscalationReason[];
  /** The default model's band (mean of its criteria, rounded to the nearest half band); null when its answer was invalid. */
  provisionalBand: Band | null;
  /** The mean before rounding; null when the answer was invalid. */
  provisionalMean: number | null;
  /** One sentence for provenance: which model and why. */
  explanation: string;
}

const tolerance = 1e-9;

/** Distance from a mean to the nearest rounding edge (x.25 or x.75). */
export function distanceToRoundingEdge(mean: number): number {
  const fraction = mean - Math.floor(mean);
  return Math.min(Math.abs(fraction - 0.25), Math.abs(fraction - 0.75));
}

/**
 * Smart model selection for speaking, as a pure function of the default model's first scoring:
 * keep it, or escalate for the final scoring when that answer failed validation, its band is
 * high (default 7+), its criterion mean sits on a rounding edge, or the audio was hard to make
 * out (low transcription confidence or reported unclear). No escalation happens when the two
 * models are the same.
 */
export function selectSpeakingModel(
  provisional: ProvisionalSpeakingScore,
  options: { models?: Partial<SpeakingModels>; thresholds?: SpeakingEscalationThresholds } = {},
): SpeakingModelSelection {
  const models = { ...DEFAULT_SPEAKING_MODELS, ...options.models };
  const thresholds = { ...DEFAULT_SPEAKING_ESCALATION_THRESHOLDS, ...options.thresholds };
  const reasons: SpeakingEscalationReason[] = [];
  const why: string[] = [];
  let provisionalBand: Band | null = null;
  let provisionalMean: number | null = null;

  if (!provisional.valid) {
    reasons.push('invalid_output');
    why.push(`${models.default}'s answer failed validation (${provisional.problem})`);
  } else {
    provisionalMean = provisional.bands.reduce((sum, band) => sum + band, 0) / provisional.bands.length;
    provisionalBand = meanBand(provisional.bands);
    if (provisionalBand >= thresholds.highBand - tolerance) {
      reasons.push('high_band');
      why.push(`provisional band ${provisionalBand.toFixed(1)} is ${thresholds.highBand} or higher`);
    }
    if (distanceToRoundingEdge(provisionalMean) <= thresholds.boundaryMargin + tolerance) {
      reasons.push('band_boundary');
      why.push(`the criterion mean ${formatMean(provisionalMean)} sits on a rounding edge`);
    }
    const lowConfidence =
      provisional.transcriptionConfidence !== null && provisional.transcriptionConfidence < thresholds.minimumTranscriptionConfidence;
    if (provisional.audioUnclear || lowConfidence) {
      reasons.push('hard_to_transcribe');
      why.push(
        provisional.audioUnclear
          ? 'the audio was reported unclear'
          : `transcription confidence ${provisional.transcriptionConfidence} is below ${thresholds.minimumTranscriptionConfidence}`,
      );
    }
  }

  const canEscalate = models.escalation !== models.default;
  const escalate = reasons.length > 0 && canEscalate;
  let explanation: string;
  if (escalate) {
    explanation = `escalated from ${models.default} to ${models.escalation}: ${why.join('; ')}`;
  } else if (reasons.length > 0) {
    explanation = `${models.default} kept although ${why.join('; ')}: no separate escalation model is configured`;
  } else {
    const confidence = provisional.valid && provisional.transcriptionConfidence !== null ? ', and the audio was clear' : '';
    explanation =
      `${models.default} kept: provisional band ${provisionalBand?.toFixed(1)} is below ${thresholds.highBand}` +
      ` and its criterion mean ${formatMean(provisionalMean ?? 0)} is clear of a rounding edge${confidence}`;
  }
  return {
    escalate,
    modelId: escalate ? models.escalation : models.default,
    reasons,
    provisionalBand,
    provisionalMean,
    explanation: explanation.slice(0, 500),
  };
}

function formatMean(mean: number): string {
  return String(Math.round(mean * 1000) / 1000);
}
