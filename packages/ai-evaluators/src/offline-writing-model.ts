import * as z from 'zod';
import type { WritingFeatureName } from './text-features.js';

/** The calibration tasks: task 1 (report or letter, 150 words) and task 2 (essay, 250 words). */
export type WritingTask = 'task1' | 'task2';

/** The four writing criteria as feature groups; task achievement/response share the `task` group. */
export type WritingCriterionGroup = 'task' | 'coherence' | 'lexical' | 'grammar';

/**
 * The features the fitted model uses, with the criterion each one informs. Only features of how
 * the learner wrote enter the fit, never of how the answer was stored (the text is normalised
 * first: see `text-normalization.ts`). Paragraph features are measured but left out on purpose:
 * in the calibration data most task 2 essays without line breaks are high-band samples from one
 * source, so a fitted model would learn that a single paragraph is good; paragraphing is judged
 * by a fixed rule instead (see the scorer). Spacing around punctuation is left out for the same
 * reason: a scrape or an export changes it.
 */
export const OFFLINE_WRITING_MODEL_FEATURE_GROUPS = {
  length_ratio: 'task',
  log_length_ratio: 'task',
  under_length: 'task',
  prompt_coverage: 'task',
  prompt_copy_share: 'task',
  number_rate: 'task',
  overview_marker: 'task',
  opinion_marker: 'task',
  conclusion_marker: 'task',
  first_person_rate: 'task',
  connector_rate: 'coherence',
  connector_variety: 'coherence',
  connector_categories: 'coherence',
  sentence_initial_connector_share: 'coherence',
  reference_rate: 'coherence',
  mattr: 'lexical',
  mean_word_length: 'lexical',
  long_word_share: 'lexical',
  common_word_share: 'lexical',
  rare_word_share: 'lexical',
  advanced_word_share: 'lexical',
  rare_type_count_log: 'lexical',
  spelling_error_rate: 'lexical',
  spelling_errors_log: 'lexical',
  top_word_share: 'lexical',
  mean_sentence_words: 'grammar',
  sentence_length_sd: 'grammar',
  long_sentence_share: 'grammar',
  short_sentence_share: 'grammar',
  subordinator_rate: 'grammar',
  relative_pronoun_rate: 'grammar',
  passive_rate: 'grammar',
  modal_rate: 'grammar',
  comma_per_sentence: 'grammar',
  punctuation_variety: 'grammar',
  capitalisation_error_rate: 'grammar',
  grammar_slip_rate: 'grammar',
  learner_error_rate: 'grammar',
  checker_grammar_rate: 'grammar',
} as const satisfies Partial<Record<WritingFeatureName, WritingCriterionGroup>>;

/** The four criterion groups, in the order of the criteria in a result. */
export const WRITING_CRITERION_GROUPS: readonly WritingCriterionGroup[] = ['task', 'coherence', 'lexical', 'grammar'];

/** The model's features, in the order of its coefficients. */
export const OFFLINE_WRITING_MODEL_FEATURES = Object.keys(OFFLINE_WRITING_MODEL_FEATURE_GROUPS) as Array<
  keyof typeof OFFLINE_WRITING_MODEL_FEATURE_GROUPS
>;

/** One feature the model uses. */
export type OfflineWritingModelFeature = (typeof OFFLINE_WRITING_MODEL_FEATURES)[number];

/**
 * Features a task's models are fitted without (their coefficients are 0). Harper's grammar rate
 * helps task 2 on essays unlike the calibration data and hurts task 1: it took task 1's
 * cross-validated MAE above the constant baseline's and worsened all four of its new-source
 * splits (OFFLINE-SCORER.md).
 */
export const OFFLINE_TASK_EXCLUDED_FEATURES: Readonly<Record<'task1' | 'task2', readonly OfflineWritingModelFeature[]>> = {
  task1: ['checker_grammar_rate'],
  task2: [],
};

/** The positions in {@link OFFLINE_WRITING_MODEL_FEATURES} of one criterion group's features. */
export function criterionFeatureColumns(group: WritingCriterionGroup): number[] {
  return OFFLINE_WRITING_MODEL_FEATURES.flatMap((name, column) => (OFFLINE_WRITING_MODEL_FEATURE_GROUPS[name] === group ? [column] : []));
}

const numbers = z.array(z.number());

/**
 * The monotone calibration that spreads a ridge model's predictions like examiners' bands:
 * `band = bandMean + scale × (raw − rawMean)`. Ridge regression shrinks its predictions towards
 * the mean (weak essays are overestimated, strong ones underestimated); the scale is fitted on
 * the model's cross-validated predictions inside the training data so that their standard
 * deviation is a set share of the human bands' (see `OFFLINE_SPREAD_TARGET` in the fit).
 */
export const bandSpreadSchema = z.object({ rawMean: z.number(), bandMean: z.number(), scale: z.number().positive() });
/** A fitted band spread. */
export type BandSpread = z.infer<typeof bandSpreadSchema>;

/** A ridge model on standardised features with their training ranges, its penalty and its spread. */
export const linearBandModelSchema = z.object({
  intercept: z.number(),
  coefficients: numbers,
  means: numbers,
  standardDeviations: numbers,
  minimums: numbers,
  maximums: numbers,
  lambda: z.number().positive(),
  spread: bandSpreadSchema,
});
/** A fitted linear band model. */
export type LinearBandModel = z.infer<typeof linearBandModelSchema>;

/**
 * One task's fitted model: the overall ridge model on every feature, a model per criterion on
 * that criterion's features alone (so the four bands differ where the evidence differs), the
 * training ranges and the cross-validated error.
 */
export const offlineTaskModelSchema = linearBandModelSchema.extend({
  /** One model per criterion group, each on the features {@link OFFLINE_WRITING_MODEL_FEATURE_GROUPS} gives it, in feature order. */
  criteria: z.object({
    task: linearBandModelSchema,
    coherence: linearBandModelSchema,
    lexical: linearBandModelSchema,
    grammar: linearBandModelSchema,
  }),
  trainingSize: z.int().positive(),
  crossValidated: z.object({
    meanAbsoluteError: z.number().min(0),
    withinHalfBand: z.number().min(0).max(1),
    quadraticWeightedKappa: z.number(),
  }),
  /** Cross-validated share within half a band, by predicted band: the basis of the confidence. */
  calibration: z.array(z.object({ band: z.number(), count: z.int().min(0), withinHalfBand: z.number().min(0).max(1) })).min(1),
});
/** One task's fitted model. */
export type OfflineTaskModel = z.infer<typeof offlineTaskModelSchema>;

/** The fitted offline writing model, as committed in `offline-writing-coefficients.json`. */
export const offlineWritingModelSchema = z
  .object({
    version: z.string(),
    features: z.array(z.string()),
    fit: z.object({ folds: z.int(), seed: z.int(), lambdas: numbers, spreadTarget: z.number().positive(), essays: z.int() }),
    tasks: z.object({ task1: offlineTaskModelSchema, task2: offlineTaskModelSchema }),
  })
  .superRefine((model, context) => {
    const expected = OFFLINE_WRITING_MODEL_FEATURES.join(',');
    if (model.features.join(',') !== expected)
      context.addIssue({ code: 'custom', path: ['features'], message: `features must be ${expected}` });
    for (const task of ['task1', 'task2'] as const) {
      const taskModel = model.tasks[task];
      for (const key of ['coefficients', 'means', 'standardDeviations', 'minimums', 'maximums'] as const) {
        if (taskModel[key].length !== model.features.length) {
          context.addIssue({ code: 'custom', path: ['tasks', task, key], message: `needs ${model.features.length} values` });
        }
        for (const group of WRITING_CRITERION_GROUPS) {
          const width = criterionFeatureColumns(group).length;
          if (taskModel.criteria[group][key].length !== width) {
            context.addIssue({ code: 'custom', path: ['tasks', task, 'criteria', group, key], message: `needs ${width} values` });
          }
        }
      }
    }
  });
/** The fitted offline writing model. */
export type OfflineWritingModel = z.infer<typeof offlineWritingModelSchema>;

/**
 * The lowest band the model predicts. Band 1 belongs to answers of 20 words or fewer and band 0
 * to answers in another language (rules applied before the model). The calibration data has no
 * response of more than 20 words below band 3, so below it the model only extrapolates: in
 * cross-validation the 18 essays it put at 3.5 or below had human bands averaging 4.8 (one a 7),
 * and a weak 144-word answer came out at 2. A floor of 3 lowers the cross-validated MAE a little
 * (0.745 to 0.741) and never takes a weak answer above where examiners put the weakest of the data.
 */
export const OFFLINE_MINIMUM_BAND = 3;

/** What a task model makes of one answer. */
export interface OfflinePrediction {
  /** The unrounded prediction, between {@link OFFLINE_MINIMUM_BAND} and 9. */
  score: number;
  /** The prediction rounded to the nearest half band. */
  band: number;
  /** Each feature's contribution to the ridge prediction before the spread (coefficient × clamped z-score), by position. */
  contributions: number[];
  /** Features that lay outside the range seen in training (and were clamped to it). */
  outOfRange: number[];
}

/** The parts of a model a prediction needs; without a spread the ridge prediction is used as it is. */
export type PredictableTaskModel = Pick<
  LinearBandModel,
  'intercept' | 'coefficients' | 'means' | 'standardDeviations' | 'minimums' | 'maximums'
> & { spread?: BandSpread };

/**
 * Predicts a band from feature values in {@link OFFLINE_WRITING_MODEL_FEATURES} order. A NaN
 * (unknown) value counts as the training mean, so it moves nothing. Values
 * outside the training range are clamped to it first, so an answer unlike any in the data
 * (a 2,000-word essay, say) cannot push the linear model to absurd bands; the prediction is
 * then spread by the model's calibration and kept between {@link OFFLINE_MINIMUM_BAND} and 9.
 */
export function predictOfflineBand(model: PredictableTaskModel, row: readonly number[]): OfflinePrediction {
  const contributions: number[] = [];
  const outOfRange: number[] = [];
  let score = model.intercept;
  model.coefficients.forEach((coefficient, column) => {
    // An unknown value (NaN: the grammar checker did not run) counts as the training mean.
    const raw = Number.isNaN(row[column]) ? (model.means[column] ?? 0) : (row[column] ?? 0);
    const minimum = model.minimums[column] ?? raw;
    const maximum = model.maximums[column] ?? raw;
    // A feature the model gives no weight cannot make its prediction unreliable.
    if (coefficient !== 0 && (raw < minimum - 1e-9 || raw > maximum + 1e-9)) outOfRange.push(column);
    const clamped = Math.min(maximum, Math.max(minimum, raw));
    const contribution = (coefficient * (clamped - (model.means[column] ?? 0))) / (model.standardDeviations[column] ?? 1);
    contributions.push(contribution);
    score += contribution;
  });
  if (model.spread) score = model.spread.bandMean + model.spread.scale * (score - model.spread.rawMean);
  score = Math.min(9, Math.max(OFFLINE_MINIMUM_BAND, score));
  return { score, band: Math.round(score * 2) / 2, contributions, outOfRange };
}

/**
 * One criterion group's prediction for an answer, from that criterion's own model on its own
 * features (`row` holds every model feature, in {@link OFFLINE_WRITING_MODEL_FEATURES} order).
 */
export function predictCriterionBand(
  model: Pick<OfflineTaskModel, 'criteria'>,
  group: WritingCriterionGroup,
  row: readonly number[],
): OfflinePrediction {
  return predictOfflineBand(
    model.criteria[group],
    criterionFeatureColumns(group).map((column) => row[column] ?? 0),
  );
}

/**
 * The cross-validated share of predictions within half a band of the human band for a predicted
 * band: the calibration row of the nearest band, or the overall share for a model without rows.
 */
export function withinHalfBandAt(model: Pick<OfflineTaskModel, 'calibration' | 'crossValidated'>, band: number): number {
  let nearest: { band: number; withinHalfBand: number } | undefined;
  for (const row of model.calibration) {
    if (nearest === undefined || Math.abs(row.band - band) < Math.abs(nearest.band - band)) nearest = row;
  }
  return nearest?.withinHalfBand ?? model.crossValidated.withinHalfBand;
}
