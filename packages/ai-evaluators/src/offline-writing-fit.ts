import * as z from 'zod';
import {
  createSeededRandom,
  fitRidge,
  measureAgreement,
  measureBandSpread,
  mean,
  median,
  standardDeviation,
  type AgreementMetrics,
  type BandSpreadMetrics,
} from './offline-statistics.js';
import {
  criterionFeatureColumns,
  offlineWritingModelSchema,
  OFFLINE_TASK_EXCLUDED_FEATURES,
  OFFLINE_WRITING_MODEL_FEATURES,
  predictOfflineBand,
  WRITING_CRITERION_GROUPS,
  type BandSpread,
  type LinearBandModel,
  type OfflineTaskModel,
  type OfflineWritingModel,
  type WritingCriterionGroup,
  type WritingTask,
} from './offline-writing-model.js';
import type { Lexicon } from './spelling-lexicon.js';
import committedGrammarCountsFile from './offline-writing-grammar-counts.json';
import { measureWritingFeatures, type GrammarCheckCounts, type WritingFeatures } from './text-features.js';

/** One human-scored essay of the calibration data (`scored-essays.jsonl`). */
export const scoredEssaySchema = z.object({
  id: z.string(),
  task: z.enum(['task1', 'task2']),
  prompt: z.string(),
  essay: z.string(),
  band: z.number().min(0).max(9),
});
/** One human-scored essay of the calibration data. */
export type ScoredEssay = z.infer<typeof scoredEssaySchema>;

/** Parses JSON lines of scored essays, each checked against {@link scoredEssaySchema}. */
export function parseScoredEssays(jsonLines: string): ScoredEssay[] {
  return jsonLines
    .split(/\r?\n/)
    .filter((line) => line.trim().length > 0)
    .map((line) => scoredEssaySchema.parse(JSON.parse(line)));
}

/** Options of the fit and of cross-validation. Every default is what the committed model used. */
export interface OfflineFitOptions {
  /** Folds for choosing the ridge penalty and for cross-validated figures. Default 5. */
  folds?: number;
  /** Seed of the fold assignment. Default 20261125. */
  seed?: number;
  /** Ridge penalties tried (on standardised features). Default 1 to 1000 in steps of about ×2. */
  lambdas?: readonly number[];
  /**
   * The standard deviation of the calibrated predictions as a share of the human bands'. Default
   * 0.9: examiners' spread, less a margin for what the features cannot see (a share of 1 would
   * spread errors as far as the bands; ridge alone gives about 0.6).
   */
  spreadTarget?: number;
}

/** The defaults of {@link OfflineFitOptions}. */
export const DEFAULT_OFFLINE_FIT_OPTIONS: Required<OfflineFitOptions> = {
  folds: 5,
  seed: 20261125,
  lambdas: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
  spreadTarget: 0.9,
};

/** An essay with its features measured once, reused by every fold. */
export interface MeasuredEssay {
  /** The essay and its human band. */
  essay: ScoredEssay;
  /** Everything measured on it. */
  features: WritingFeatures;
  /** Feature values in the order of {@link OFFLINE_WRITING_MODEL_FEATURES}. */
  row: number[];
}

/** The minimum words of a calibration task. */
export function minimumWordsOf(task: WritingTask): number {
  return task === 'task1' ? 150 : 250;
}

/**
 * The grammar checker's counts on the calibration essays (`scripts/count-grammar-findings.mjs`):
 * Harper takes about 60 ms per essay, so the fit reads them instead of running it.
 */
export function committedGrammarCounts(): ReadonlyMap<string, GrammarCheckCounts> {
  committedCounts ??= new Map(
    Object.entries(grammarCountsFileSchema.parse(committedGrammarCountsFile).essays).map(([id, [spelling, grammar]]) => [
      id,
      { spelling, grammar },
    ]),
  );
  return committedCounts;
}
const count = z.number().int().nonnegative();
const grammarCountsFileSchema = z.object({ harper: z.string(), essays: z.record(z.string(), z.tuple([count, count])) });
let committedCounts: ReadonlyMap<string, GrammarCheckCounts> | undefined;

/**
 * Measures the model features of every essay. `grammarCounts` gives the grammar checker's counts
 * by essay id (default {@link committedGrammarCounts}); an essay without them has the checker's
 * grammar rate unknown (NaN), which the fit fills with the training mean.
 */
export function measureEssays(
  essays: readonly ScoredEssay[],
  lexicon: Lexicon,
  grammarCounts: ReadonlyMap<string, GrammarCheckCounts> = committedGrammarCounts(),
): MeasuredEssay[] {
  return essays.map((essay) => {
    const grammarCheck = grammarCounts.get(essay.id);
    const features = measureWritingFeatures({
      text: essay.essay,
      prompt: essay.prompt,
      minimumWords: minimumWordsOf(essay.task),
      lexicon,
      ...(grammarCheck ? { grammarCheck } : {}),
    });
    return { essay, features, row: OFFLINE_WRITING_MODEL_FEATURES.map((name) => features.values[name]) };
  });
}

/**
 * Assigns each essay a fold, keeping essays of the same prompt together so that no fold is
 * scored by a model that saw its prompt (the data repeats some essays under the same prompt:
 * without this their copies would leak across folds). Groups are shuffled with the seed, then
 * dealt to the fold with the fewest essays so far.
 */
export function assignFolds(essays: readonly ScoredEssay[], folds: number, seed: number): number[] {
  const groups = new Map<string, number[]>();
  essays.forEach((essay, index) => {
    const key = essay.prompt
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    const members = groups.get(key) ?? [];
    members.push(index);
    groups.set(key, members);
  });
  const random = createSeededRandom(seed);
  const ordered = [...groups.entries()]
    .sort((left, right) => (left[0] < right[0] ? -1 : 1))
    .map((entry) => ({ entry, order: random() }))
    .sort((left, right) => left.order - right.order)
    .map(({ entry }) => entry[1]);
  const sizes = new Array<number>(folds).fill(0);
  const assignment = new Array<number>(essays.length).fill(0);
  for (const members of ordered) {
    let smallest = 0;
    for (let fold = 1; fold < folds; fold++) if ((sizes[fold] ?? 0) < (sizes[smallest] ?? 0)) smallest = fold;
    for (const index of members) assignment[index] = smallest;
    sizes[smallest] = (sizes[smallest] ?? 0) + members.length;
  }
  return assignment;
}

/**
 * Fits one task's model (all essays of one task): the overall model on every feature but the
 * task's {@link OFFLINE_TASK_EXCLUDED_FEATURES} and one model per criterion group on that group's features, each as {@link fitLinearBandModel} does, with the same grouped folds.
 * Also records the cross-validated error of the overall model, which the scorer turns into a
 * confidence.
 */
export function fitTaskModel(taskEssays: readonly MeasuredEssay[], options: OfflineFitOptions = {}): OfflineTaskModel {
  const settings = { ...DEFAULT_OFFLINE_FIT_OPTIONS, ...options };
  // An excluded feature is fitted as a constant 0: ridge then gives it no weight.
  const excluded = new Set(
    (OFFLINE_TASK_EXCLUDED_FEATURES[taskEssays[0]?.essay.task ?? 'task2'] ?? []).map((name) =>
      OFFLINE_WRITING_MODEL_FEATURES.indexOf(name),
    ),
  );
  const measured =
    excluded.size === 0
      ? taskEssays
      : taskEssays.map((item) => ({ ...item, row: item.row.map((value, column) => (excluded.has(column) ? 0 : value)) }));
  const folds = assignFolds(
    measured.map((item) => item.essay),
    settings.folds,
    settings.seed,
  );
  const overall = fitLinearBandModel(
    measured,
    OFFLINE_WRITING_MODEL_FEATURES.map((_, column) => column),
    folds,
    settings,
  );
  const criteria = Object.fromEntries(
    WRITING_CRITERION_GROUPS.map((group) => [group, fitLinearBandModel(measured, criterionFeatureColumns(group), folds, settings).model]),
  ) as Record<WritingCriterionGroup, LinearBandModel>;
  return {
    ...overall.model,
    criteria,
    trainingSize: measured.length,
    crossValidated: {
      meanAbsoluteError: round(overall.metrics.meanAbsoluteError, 4),
      withinHalfBand: round(overall.metrics.withinHalfBand, 4),
      quadraticWeightedKappa: round(overall.metrics.quadraticWeightedKappa, 4),
    },
    calibration: calibrationTable(
      overall.predicted,
      measured.map((item) => item.essay.band),
      overall.metrics.withinHalfBand,
    ),
  };
}

/** A fitted linear band model with the cross-validated bands it was chosen by. */
export interface LinearBandFit {
  /** The model, refitted on every essay with the chosen penalty. */
  model: LinearBandModel;
  /** The cross-validated bands (rounded to half bands) at the chosen penalty, by essay. */
  predicted: number[];
  /** Their agreement with the human bands. */
  metrics: AgreementMetrics;
}

/**
 * Fits a ridge model on the features at `columns`. For each penalty, every fold is predicted by a
 * ridge fitted on the other folds; a band spread ({@link fitBandSpread}) is fitted on those
 * out-of-fold predictions, and the penalty whose spread bands have the lowest mean absolute error
 * wins. The model is then refitted on every essay, with the spread of its penalty. Everything is
 * fitted on `measured` alone, so when `measured` is a training fold the spread is fitted inside it.
 */
export function fitLinearBandModel(
  measured: readonly MeasuredEssay[],
  columns: readonly number[],
  folds: readonly number[],
  options: OfflineFitOptions = {},
): LinearBandFit {
  const settings = { ...DEFAULT_OFFLINE_FIT_OPTIONS, ...options };
  // Unknown values (NaN) are filled with the mean of the known ones, as prediction treats them.
  const known = columns.map((column) => mean(measured.map((item) => item.row[column] ?? 0).filter((value) => !Number.isNaN(value))));
  const rowOf = (item: MeasuredEssay) =>
    columns.map((column, index) => (Number.isNaN(item.row[column]) ? (known[index] ?? 0) : (item.row[column] ?? 0)));
  const bands = measured.map((item) => item.essay.band);
  let best: LinearBandFit & { lambda: number; spread: BandSpread } = undefined as never;
  for (const lambda of settings.lambdas) {
    const raw = new Array<number>(measured.length).fill(0);
    for (let fold = 0; fold < settings.folds; fold++) {
      const training = measured.filter((_, index) => folds[index] !== fold);
      const model = {
        ...fitRidge(
          training.map(rowOf),
          training.map((item) => item.essay.band),
          lambda,
        ),
        ...featureRanges(training.map(rowOf)),
      };
      measured.forEach((item, index) => {
        if (folds[index] === fold) raw[index] = predictOfflineBand(model, rowOf(item)).score;
      });
    }
    const spread = fitBandSpread(raw, bands, settings.spreadTarget);
    const predicted = raw.map(
      (score) =>
        predictOfflineBand(
          { intercept: score, coefficients: [], means: [], standardDeviations: [], minimums: [], maximums: [], spread },
          [],
        ).band,
    );
    const metrics = measureAgreement(predicted, bands);
    if (best === undefined || metrics.meanAbsoluteError < best.metrics.meanAbsoluteError - 1e-12)
      best = { lambda, spread, predicted, metrics, model: undefined as never };
  }
  const rows = measured.map(rowOf);
  const model: LinearBandModel = roundLinearModel({
    ...fitRidge(rows, bands, best.lambda),
    ...featureRanges(rows),
    lambda: best.lambda,
    spread: best.spread,
  });
  return { model, predicted: best.predicted, metrics: best.metrics };
}

/**
 * The linear band spread that gives `raw` predictions the human bands' mean and `target` times
 * their standard deviation. Monotone (the scale is positive), so it never reorders essays.
 */
export function fitBandSpread(raw: readonly number[], bands: readonly number[], target: number): BandSpread {
  const rawSpread = standardDeviation(raw);
  return {
    rawMean: round(mean(raw), 6),
    bandMean: round(mean(bands), 6),
    scale: round(rawSpread > 1e-9 ? (target * standardDeviation(bands)) / rawSpread : 1, 6),
  };
}

// Essays predicted at a band with fewer than this many cross-validated predictions borrow
// strength from the overall share (a Bayesian-style shrinkage with this prior weight).
const CALIBRATION_PRIOR_WEIGHT = 10;

/**
 * The share of cross-validated predictions within half a band of the human band, for each
 * predicted band: how often the model is right when it says, say, 8.0. Small groups are shrunk
 * towards the overall share.
 */
export function calibrationTable(
  predicted: readonly number[],
  actual: readonly number[],
  overallWithinHalfBand: number,
): Array<{ band: number; count: number; withinHalfBand: number }> {
  const groups = new Map<number, { count: number; hits: number }>();
  predicted.forEach((band, index) => {
    const group = groups.get(band) ?? { count: 0, hits: 0 };
    group.count++;
    if (Math.abs(band - (actual[index] ?? 0)) <= 0.5 + 1e-9) group.hits++;
    groups.set(band, group);
  });
  return [...groups.entries()]
    .sort((left, right) => left[0] - right[0])
    .map(([band, group]) => ({
      band,
      count: group.count,
      withinHalfBand: round((group.hits + CALIBRATION_PRIOR_WEIGHT * overallWithinHalfBand) / (group.count + CALIBRATION_PRIOR_WEIGHT), 4),
    }));
}

/** Fits the offline writing model (one ridge model per task) on scored essays. Deterministic. */
export function fitOfflineWritingModel(
  essays: readonly ScoredEssay[],
  lexicon: Lexicon,
  options: OfflineFitOptions = {},
): OfflineWritingModel {
  const settings = { ...DEFAULT_OFFLINE_FIT_OPTIONS, ...options };
  const measured = measureEssays(essays, lexicon);
  const model = {
    version: 'offline-writing-v2',
    features: [...OFFLINE_WRITING_MODEL_FEATURES],
    fit: {
      folds: settings.folds,
      seed: settings.seed,
      lambdas: [...settings.lambdas],
      spreadTarget: settings.spreadTarget,
      essays: essays.length,
    },
    tasks: {
      task1: fitTaskModel(
        measured.filter((item) => item.essay.task === 'task1'),
        settings,
      ),
      task2: fitTaskModel(
        measured.filter((item) => item.essay.task === 'task2'),
        settings,
      ),
    },
  };
  return offlineWritingModelSchema.parse(model);
}

/** Cross-validated accuracy of the offline scorer beside constant baselines, per task and overall. */
export interface OfflineCrossValidation {
  /** Folds used. */
  folds: number;
  /** Seed of the fold assignment. */
  seed: number;
  /** Per task and for all essays together. */
  results: Record<
    'task1' | 'task2' | 'all',
    { model: AgreementMetrics; spread: BandSpreadMetrics; baselineMean: AgreementMetrics; baselineMedian: AgreementMetrics }
  >;
  /** The bands predicted for each essay when its fold was held out, by essay id. */
  predictions: Array<{ id: string; task: WritingTask; band: number; predicted: number }>;
}

/**
 * Honest accuracy: each outer fold is scored by a model fitted — penalty choice included — on
 * the other folds only. The baselines predict the training folds' mean or median band, rounded
 * to a half band.
 */
export function crossValidateOfflineWriting(
  essays: readonly ScoredEssay[],
  lexicon: Lexicon,
  options: OfflineFitOptions = {},
): OfflineCrossValidation {
  const settings = { ...DEFAULT_OFFLINE_FIT_OPTIONS, ...options };
  const measured = measureEssays(essays, lexicon);
  const predictions: OfflineCrossValidation['predictions'] = [];
  const baselineMean = new Map<string, number>();
  const baselineMedian = new Map<string, number>();
  for (const task of ['task1', 'task2'] as const) {
    const taskEssays = measured.filter((item) => item.essay.task === task);
    const folds = assignFolds(
      taskEssays.map((item) => item.essay),
      settings.folds,
      settings.seed + 1,
    );
    for (let fold = 0; fold < settings.folds; fold++) {
      const training = taskEssays.filter((_, index) => folds[index] !== fold);
      const model = fitTaskModel(training, settings);
      const trainingBands = training.map((item) => item.essay.band);
      const meanBand = Math.round(mean(trainingBands) * 2) / 2;
      const medianBand = Math.round(median(trainingBands) * 2) / 2;
      taskEssays.forEach((item, index) => {
        if (folds[index] !== fold) return;
        predictions.push({ id: item.essay.id, task, band: item.essay.band, predicted: predictOfflineBand(model, item.row).band });
        baselineMean.set(item.essay.id, meanBand);
        baselineMedian.set(item.essay.id, medianBand);
      });
    }
  }
  const summarise = (subset: typeof predictions) => ({
    model: measureAgreement(
      subset.map((item) => item.predicted),
      subset.map((item) => item.band),
    ),
    spread: measureBandSpread(
      subset.map((item) => item.predicted),
      subset.map((item) => item.band),
    ),
    baselineMean: measureAgreement(
      subset.map((item) => baselineMean.get(item.id) ?? 0),
      subset.map((item) => item.band),
    ),
    baselineMedian: measureAgreement(
      subset.map((item) => baselineMedian.get(item.id) ?? 0),
      subset.map((item) => item.band),
    ),
  });
  return {
    folds: settings.folds,
    seed: settings.seed,
    results: {
      task1: summarise(predictions.filter((item) => item.task === 'task1')),
      task2: summarise(predictions.filter((item) => item.task === 'task2')),
      all: summarise(predictions),
    },
    predictions,
  };
}

function featureRanges(rows: readonly (readonly number[])[]): { minimums: number[]; maximums: number[] } {
  const width = rows[0]?.length ?? 0;
  const minimums = new Array<number>(width).fill(Number.POSITIVE_INFINITY);
  const maximums = new Array<number>(width).fill(Number.NEGATIVE_INFINITY);
  for (const row of rows) {
    row.forEach((value, column) => {
      minimums[column] = Math.min(minimums[column] ?? value, value);
      maximums[column] = Math.max(maximums[column] ?? value, value);
    });
  }
  return { minimums, maximums };
}

function roundLinearModel(model: LinearBandModel): LinearBandModel {
  const six = (value: number) => round(value, 6);
  return {
    ...model,
    intercept: six(model.intercept),
    coefficients: model.coefficients.map(six),
    means: model.means.map(six),
    standardDeviations: model.standardDeviations.map(six),
    minimums: model.minimums.map(six),
    maximums: model.maximums.map(six),
  };
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
