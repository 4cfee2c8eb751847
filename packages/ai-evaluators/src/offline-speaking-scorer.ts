import { assessmentResultSchema, meanBand, speakingPartSchema, timedWordSchema, type AssessmentResult } from '@ielts-genai-prep/core';
import * as z from 'zod';
import { measureSpeakingFeatures, type SpeakingFeatures, type SpokenTurn } from './offline-speaking-features.js';
import type { Lexicon } from './spelling-lexicon.js';
import { emitOfflineSafetyEvents } from './offline-safety-events.js';
import type { EvaluationOptions } from './evaluation-options.js';
import { offlineProvenance, parseOfflineRequest, startOfflineEvaluation } from './offline-evaluation.js';
import { detectPromptInjection, normaliseUntrustedText, screenUntrustedText, type RemovedCharacters } from './untrusted-text.js';

/** The model id every offline speaking result carries. */
export const OFFLINE_SPEAKING_MODEL_ID = 'offline-speaking-v1';

/** Speaking turns to score offline: transcripts, with word timings where the recogniser gave them. */
export const offlineSpeakingRequestSchema = z.object({
  turns: z
    .array(
      z.object({
        part: speakingPartSchema,
        transcript: z.object({ text: z.string().max(20_000).default(''), words: z.array(timedWordSchema).max(5000).default([]) }),
      }),
    )
    .min(1)
    .max(50),
});
/** Speaking turns to score offline. */
export type OfflineSpeakingRequest = z.input<typeof offlineSpeakingRequestSchema>;

/** Options of the offline speaking scorer. */
export interface OfflineSpeakingScorerOptions {
  /** The word list. Default: loaded on first use with `loadEnglishLexicon`. */
  lexicon?: Lexicon;
  /** The clock, in milliseconds since the epoch: `latency_ms` and the `created_at` of safety events. Default `Date.now`. */
  clock?: () => number;
}

/** Scores speaking transcripts without any network. Pronunciation is not assessed (band null). */
export interface OfflineSpeakingScorer {
  /** The model id results carry (`offline-speaking-v1`). */
  readonly modelId: string;
  /**
   * Scores a whole test, or any set of turns. `options.onSafetyEvent` receives the screening's
   * `input_normalization` and `prompt_injection` events, as the Gemini evaluator raises them
   * (evidence lines prefixed `answer N:`).
   */
  evaluate(request: OfflineSpeakingRequest, options?: EvaluationOptions): Promise<AssessmentResult>;
}

/** Creates the offline speaking scorer (heuristic bands; see OFFLINE-SCORER.md for the formulas). */
export function createOfflineSpeakingScorer(options: OfflineSpeakingScorerOptions = {}): OfflineSpeakingScorer {
  return {
    modelId: OFFLINE_SPEAKING_MODEL_ID,
    async evaluate(request, { onSafetyEvent, signal }: EvaluationOptions = {}) {
      const { clock, startedAt, lexicon } = await startOfflineEvaluation(options, signal);
      const turns = screenSpeakingRequest(request);
      const result = scoreScreenedSpeaking(turns, lexicon, clock, startedAt);
      await emitOfflineSafetyEvents(
        { onSafetyEvent, modelId: OFFLINE_SPEAKING_MODEL_ID, createdAt: new Date(clock()) },
        turns.map((turn, index) => ({ label: `answer ${index + 1}`, removed: turn.removed, injectionEvidence: turn.evidence })),
      );
      return result;
    },
  };
}

/** Bands of the three speaking criteria the offline heuristics can judge, unrounded. */
export interface SpeakingCriterionScores {
  /** Fluency and Coherence, 1–9. */
  fluencyCoherence: number;
  /** Lexical Resource, 1–9. */
  lexicalResource: number;
  /** Grammatical Range and Accuracy, 1–9. */
  grammaticalRangeAccuracy: number;
}

/** Straight lines between points `[x, band]`, flat beyond the first and last. */
export function interpolate(value: number, points: ReadonlyArray<readonly [number, number]>): number {
  const first = points[0] as readonly [number, number];
  const last = points[points.length - 1] as readonly [number, number];
  if (value <= first[0]) return first[1];
  if (value >= last[0]) return last[1];
  for (let index = 1; index < points.length; index++) {
    const [rightX, rightY] = points[index] as readonly [number, number];
    const [leftX, leftY] = points[index - 1] as readonly [number, number];
    if (value <= rightX) return leftY + ((value - leftX) / (rightX - leftX)) * (rightY - leftY);
  }
  return last[1];
}

/**
 * The heuristic formulas (documented in OFFLINE-SCORER.md; no scored speaking data exists to
 * calibrate them):
 * - Fluency and Coherence: speech rate sets a base (60 wpm → 3, 100 → 5, 140 → 7, 170 → 8.5),
 *   less 0.25 for each long pause (≥ 1 s) per minute beyond 2 (at most 2), 0.25 per filler per
 *   100 words beyond 3 (at most 1.5), 0.25 per repetition or self-correction per 100 words
 *   beyond 2 (at most 1.5), 0.5 if the part 2 talk lasted under a minute; plus up to 0.5 for
 *   linking words. Without timings the base is 6 and only the text penalties apply.
 * - Lexical Resource: diversity (moving-average type–token ratio 0.55 → 4, 0.65 → 5, 0.72 → 6,
 *   0.78 → 7, 0.84 → 8) plus sophistication (share of less common words 2% → −0.5, 5% → 0,
 *   10% → +0.5, 15% → +1).
 * - Grammatical Range and Accuracy: complexity (subordinate and relative words per 100 words
 *   0 → 4, 2 → 5, 4 → 6, 6 → 7, 8 → 8), plus 0.25 per structure used beyond two (past, future,
 *   perfect, conditional, passive, modal; at most 1), less 0.5 per slip per 100 words (at most 1).
 * - Fewer than 50 words caps each criterion at 4, fewer than 150 at 6: too little to show range.
 */
export function speakingCriterionScores(features: SpeakingFeatures): SpeakingCriterionScores {
  const overshoot = (value: number, free: number, step: number, maximum: number) => Math.min(maximum, Math.max(0, value - free) * step);
  let fluency = features.timed
    ? interpolate(features.wordsPerMinute, [
        [40, 2],
        [60, 3],
        [100, 5],
        [140, 7],
        [170, 8.5],
      ]) - overshoot(features.longPausesPerMinute, 2, 0.25, 2)
    : 6;
  fluency -= overshoot(features.fillerRate, 3, 0.25, 1.5);
  fluency -= overshoot(features.repetitionRate + features.selfCorrectionRate, 2, 0.25, 1.5);
  if (features.timed && features.partTwoMinutes > 0 && features.partTwoMinutes < 1) fluency -= 0.5;
  fluency += Math.min(0.5, features.connectorVariety * 0.1);

  const lexical =
    interpolate(features.mattr, [
      [0.55, 4],
      [0.65, 5],
      [0.72, 6],
      [0.78, 7],
      [0.84, 8],
    ]) +
    interpolate(features.rareWordShare, [
      [0.02, -0.5],
      [0.05, 0],
      [0.1, 0.5],
      [0.15, 1],
    ]);

  const grammar =
    interpolate(features.complexityRate, [
      [0, 4],
      [2, 5],
      [4, 6],
      [6, 7],
      [8, 8],
    ]) +
    Math.min(1, Math.max(0, features.structures.length - 2) * 0.25) -
    Math.min(1, features.slipRate * 0.5);

  const cap = features.wordCount < 50 ? 4 : features.wordCount < 150 ? 6 : 9;
  const settle = (value: number) => Math.min(cap, Math.max(1, value));
  return { fluencyCoherence: settle(fluency), lexicalResource: settle(lexical), grammaticalRangeAccuracy: settle(grammar) };
}

/** Options of {@link scoreOfflineSpeaking}. */
export interface ScoreOfflineSpeakingOptions {
  /** The word list (see `loadEnglishLexicon`). */
  lexicon: Lexicon;
  /** The clock, in milliseconds since the epoch, for `latency_ms`. Default `Date.now`. */
  clock?: () => number;
  /** When scoring started, on the `clock`; default when this call started. */
  startedAt?: number;
}

/** Scores speaking turns synchronously with a loaded lexicon. The result parses with core's `assessmentResultSchema`. */
export function scoreOfflineSpeaking(request: OfflineSpeakingRequest, options: ScoreOfflineSpeakingOptions): AssessmentResult {
  const clock = options.clock ?? Date.now;
  const startedAt = options.startedAt ?? clock();
  return scoreScreenedSpeaking(screenSpeakingRequest(request), options.lexicon, clock, startedAt);
}

function screenSpeakingRequest(request: OfflineSpeakingRequest): ScreenedSpokenTurn[] {
  const { turns } = parseOfflineRequest(offlineSpeakingRequestSchema, request, 'speaking');
  return turns.map((turn) => screenSpokenTurn({ part: turn.part, text: turn.transcript.text, words: turn.transcript.words }));
}

function scoreScreenedSpeaking(
  screened: readonly ScreenedSpokenTurn[],
  lexicon: Lexicon,
  clock: () => number,
  startedAt: number,
): AssessmentResult {
  const turns = screened.map((turn) => turn.turn);
  const injected = screened.some((turn) => turn.injected);
  const features = measureSpeakingFeatures(turns, lexicon);
  const notAssessed = 'Pronunciation is not assessed: the offline scorer has only a transcript, not the audio.';

  if (features.wordCount === 0) {
    return assessmentResultSchema.parse({
      assessment_type: 'speaking',
      overall_band: 0,
      criteria_scores: {
        fluency_coherence: { band: 0, feedback: 'No speech was transcribed.' },
        lexical_resource: { band: 0, feedback: 'No speech was transcribed.' },
        grammatical_range_accuracy: { band: 0, feedback: 'No speech was transcribed.' },
        pronunciation: { band: null, feedback: notAssessed },
      },
      feedback: 'No speech was transcribed, so nothing could be assessed.',
      word_count: 0,
      flags: ['minimal_response', 'pronunciation_not_assessed', ...(injected ? (['prompt_injection'] as const) : [])],
      ai_generated: false,
      content_safe: !injected,
      provenance: offlineProvenance(OFFLINE_SPEAKING_MODEL_ID, clock() - startedAt, 0.9),
    });
  }

  const scores = speakingCriterionScores(features);
  const fluency = Math.round(scores.fluencyCoherence * 2) / 2;
  const lexical = Math.round(scores.lexicalResource * 2) / 2;
  const grammar = Math.round(scores.grammaticalRangeAccuracy * 2) / 2;
  const overall = meanBand([fluency, lexical, grammar], 'nearest');
  const feedback = speakingFeedback(features);
  // Uncalibrated heuristics: low confidence, lower still without timings or with little speech.
  const confidence = features.wordCount < 150 ? 0.15 : features.timed ? 0.35 : 0.25;
  const flags: Array<'pronunciation_not_assessed' | 'minimal_response' | 'repetition' | 'prompt_injection'> = [
    'pronunciation_not_assessed',
  ];
  if (features.wordCount < 50) flags.push('minimal_response');
  if (features.repetitionRate > 8) flags.push('repetition');
  if (injected) flags.push('prompt_injection');

  return assessmentResultSchema.parse({
    assessment_type: 'speaking',
    overall_band: overall,
    criteria_scores: {
      fluency_coherence: { band: fluency, feedback: feedback.fluency.join(' ') },
      lexical_resource: { band: lexical, feedback: feedback.lexical.join(' ') },
      grammatical_range_accuracy: { band: grammar, feedback: feedback.grammar.join(' ') },
      pronunciation: { band: null, feedback: notAssessed },
    },
    feedback:
      `Estimated band ${overall.toFixed(1)} from Fluency and Coherence, Lexical Resource and Grammatical Range and Accuracy, measured on the transcript ` +
      `by the offline scorer (confidence ${Math.round(confidence * 100)}%). ${notAssessed}` +
      (injected ? ' Sentences addressed to the examiner or asking for a score were not assessed.' : ''),
    word_count: features.wordCount,
    flags,
    ai_generated: false,
    content_safe: !injected,
    provenance: offlineProvenance(OFFLINE_SPEAKING_MODEL_ID, clock() - startedAt, confidence),
  });
}

/** A turn as it may be scored, with what its screening found (for the safety events). */
interface ScreenedSpokenTurn {
  turn: SpokenTurn;
  injected: boolean;
  /** Invisible characters removed from the transcript text. */
  removed: RemovedCharacters;
  /** One line per sentence removed, from the text or the timed words (`rule: sentence`). */
  evidence: string[];
}

/**
 * A turn as it may be scored: its text screened like an essay ({@link screenUntrustedText}), and
 * its timed words screened the same way (the sentences they form are checked; the words of a
 * sentence addressed to the scorer are dropped), so that asking for a band cannot raise it.
 */
function screenSpokenTurn(turn: SpokenTurn): ScreenedSpokenTurn {
  // No NFKC: the heuristics read the words as given, and detection folds look-alikes itself.
  const text = screenUntrustedText(turn.text, { compatibility: false });
  if (turn.words.length === 0)
    return { turn: { ...turn, text: text.text }, injected: text.injected, removed: text.removed, evidence: text.evidence };
  const ordered = [...turn.words].sort((left, right) => left.start_ms - right.start_ms);
  const hiddenRule = screenUntrustedText(ordered.map((word) => word.word).join(' ')).hiddenRule;
  const cleaned = ordered
    .map((word) => ({ ...word, word: normaliseUntrustedText(word.word, { compatibility: false }).text.trim() }))
    .filter((word) => word.word !== '');
  const starts: number[] = [];
  let joined = '';
  for (const word of cleaned) {
    if (joined !== '') joined += ' ';
    starts.push(joined.length);
    joined += word.word;
  }
  const findings = detectPromptInjection(joined);
  const words = cleaned.filter((word, index) => {
    const start = starts[index] ?? 0;
    return !findings.some((finding) => start < finding.end && start + word.word.length > finding.start);
  });
  // The timed words usually repeat the text: a sentence found in both is evidence once.
  const evidence = [
    ...new Set([
      ...text.evidence,
      ...findings.map((finding) => `${finding.rule}: ${finding.sentence}`),
      ...(hiddenRule !== undefined && !text.hiddenRule ? [`${hiddenRule} (hidden in tag characters of the timed words)`] : []),
    ]),
  ];
  return {
    turn: { ...turn, text: text.text, words },
    injected: text.injected || findings.length > 0 || hiddenRule !== undefined,
    removed: text.removed,
    evidence,
  };
}

// What the feedback suggests, in order; words the answers already use are left out. The markers
// are linking phrases that findConnectors knows, so one the learner used is never suggested.
const SPOKEN_MARKERS = ['for example', 'on the other hand', 'as a result', 'in fact', 'such as', 'what is more'];
const COMPLEX_SENTENCE_WORDS = ['because', 'although', 'if', 'which', 'who', 'unless', 'whereas'];

const quoteList = (words: readonly string[]): string => {
  const quoted = words.map((word) => `"${word}"`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
};

function speakingFeedback(features: SpeakingFeatures): { fluency: string[]; lexical: string[]; grammar: string[] } {
  const fluency: string[] = [];
  if (features.timed) {
    const rate = Math.round(features.wordsPerMinute);
    const { withWords, timed } = features.answers;
    const measuredOn = timed < withWords ? ` (measured on the ${timed} of your ${withWords} answers that had word timings)` : '';
    if (rate < 100)
      fluency.push(
        `You spoke at about ${rate} words a minute${measuredOn}; aim for 120–150 by practising longer answers without stopping.`,
      );
    else fluency.push(`You spoke at about ${rate} words a minute${measuredOn}, a comfortable pace.`);
    if (features.longPausesPerMinute > 2)
      fluency.push(
        `You paused for a second or more ${features.longPausesPerMinute.toFixed(1)} times a minute; use phrases like "that's an interesting question" to keep talking while you think.`,
      );
    if (features.partTwoMinutes > 0 && features.partTwoMinutes < 1)
      fluency.push('Your part 2 talk lasted under a minute: keep going for the full two minutes, covering every point on the card.');
  } else {
    fluency.push('No word timings were given, so speech rate and pauses could not be measured.');
  }
  if (features.fillerRate > 3)
    fluency.push(
      `Hesitation sounds ("um", "er") made up ${features.fillerRate.toFixed(1)} in every 100 words; pause silently or use a linking phrase instead.`,
    );
  if (features.repetitionRate + features.selfCorrectionRate > 2)
    fluency.push('You often repeated words or corrected yourself; plan the next idea before you start the sentence.');
  if (features.connectorVariety < 3) {
    // Grounded in the answers: say what was used and suggest only what was not.
    const used =
      features.connectorsUsed.length > 0 ? `You linked ideas with ${quoteList(features.connectorsUsed)}; add` : 'Link your ideas with';
    const suggestions = SPOKEN_MARKERS.filter((marker) => !features.connectorsUsed.includes(marker)).slice(0, 4);
    fluency.push(`${used} discourse markers such as ${quoteList(suggestions)}.`);
  }

  const lexical: string[] = [];
  if (features.mattr < 0.72) lexical.push('You reuse the same words often; paraphrase and use synonyms to show range.');
  if (features.rareWordShare < 0.05) lexical.push('Use more precise, less common words and idiomatic phrases about the topic.');
  if (lexical.length === 0) lexical.push('You use a varied vocabulary; keep adding precise, topic-specific words and collocations.');

  const grammar: string[] = [];
  if (features.complexityRate < 4) {
    const suggestions = COMPLEX_SENTENCE_WORDS.filter((word) => !features.subordinatorsUsed.includes(word)).slice(0, 4);
    const used = features.subordinatorsUsed.length > 0 ? `Beyond ${quoteList(features.subordinatorsUsed.slice(0, 4))}, build` : 'Build';
    grammar.push(`${used} more complex sentences with ${quoteList(suggestions)}, including relative clauses.`);
  }
  const missing = ['past', 'future', 'perfect', 'conditional', 'passive'].filter((form) => !features.structures.includes(form));
  if (missing.length > 2) grammar.push(`Show a range of structures; you did not use these forms: ${missing.join(', ')}.`);
  if (features.slipRate > 0.5) grammar.push('Some slips (articles, agreement) recur: check "a/an" and plural verbs.');
  if (grammar.length === 0) grammar.push('You mix simple and complex structures; keep them accurate as your answers grow longer.');
  return { fluency, lexical, grammar };
}
