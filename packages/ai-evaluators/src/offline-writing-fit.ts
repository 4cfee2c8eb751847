import * as z from 'zod';
import { createSeededRandom, fitRidge, measureAgreement, mean, median, predictRidge, type AgreementMetrics } from './offline-statistics.js';
import { offlineWritingModelSchema, OFFLINE_WRITING_MODEL_FEATURES, predictOfflineBand, type OfflineTaskModel, type OfflineWritingModel, type WritingTask } from './offline-writing-model.js';
import type { Lexicon } from './spelling-lexicon.js';
import { measureWritingFeatures, type WritingFeatures } from './text-features.js';

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
}

/** The defaults of {@link OfflineFitOptions}. */
export const DEFAULT_OFFLINE_FIT_OPTIONS: Required<OfflineFitOptions> = {
  folds: 5,
  seed: 20261125,
  lambdas: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
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

/** Measures the model features of every essay. */
export function measureEssays(essays: readonly ScoredEssay[], lexicon: Lexicon): MeasuredEssay[] {
  return essays.map((essay) => {
    const features = measureWritingFeatures({ text: essay.essay, prompt: essay.prompt, minimumWords: minimumWordsOf(essay.task), lexicon });
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
    const key = essay.prompt.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
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
 * Fits one task's model: the ridge penalty is chosen by grouped k-fold cross-validation on
 * `measured` alone (lowest mean absolute error of the rounded band), then the model is refitted
 * on all of `measured`. Also records the training range of each feature and the cross-validated
 * error at the chosen penalty, which the scorer turns into a confidence.
 */
export function fitTaskModel(measured: readonly MeasuredEssay[], options: OfflineFitOptions = {}): OfflineTaskModel {
  const settings = { ...DEFAULT_OFFLINE_FIT_OPTIONS, ...options };
  const folds = assignFolds(
    measured.map((item) => item.essay),
    settings.folds,
    settings.seed,
  );
  let best: { lambda: number; metrics: AgreementMetrics; predicted: number[] } | undefined;
  for (const lambda of settings.lambdas) {
    const predicted = new Array<number>(measured.length).fill(0);
    for (let fold = 0; fold < settings.folds; fold++) {
      const training = measured.filter((_, index) => folds[index] !== fold);
      const ridge = fitRidge(
        training.map((item) => item.row),
        training.map((item) => item.essay.band),
        lambda,
      );
      const ranges = featureRanges(training);
      measured.forEach((item, index) => {
        if (folds[index] === fold) predicted[index] = predictOfflineBand({ ...ridge, ...ranges }, item.row).band;
      });
    }
    const metrics = measureAgreement(
      predicted,
      measured.map((item) => item.essay.band),
    );
    if (best === undefined || metrics.meanAbsoluteError < best.metrics.meanAbsoluteError - 1e-12) best = { lambda, metrics, predicted };
  }
  const chosen = best as { lambda: number; metrics: AgreementMetrics; predicted: number[] };
  const ridge = fitRidge(
    measured.map((item) => item.row),
    measured.map((item) => item.essay.band),
    chosen.lambda,
  );
  return {
    ...ridge,
    ...featureRanges(measured),
    lambda: chosen.lambda,
    trainingSize: measured.length,
    crossValidated: {
      meanAbsoluteError: round(chosen.metrics.meanAbsoluteError, 4),
      withinHalfBand: round(chosen.metrics.withinHalfBand, 4),
      quadraticWeightedKappa: round(chosen.metrics.quadraticWeightedKappa, 4),
    },
    calibration: calibrationTable(
      chosen.predicted,
      measured.map((item) => item.essay.band),
      chosen.metrics.withinHalfBand,
    ),
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
export function calibrationTable(predicted: readonly number[], actual: readonly number[], overallWithinHalfBand: number): Array<{ band: number; count: number; withinHalfBand: number }> {
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
export function fitOfflineWritingModel(essays: readonly ScoredEssay[], lexicon: Lexicon, options: OfflineFitOptions = {}): OfflineWritingModel {
  const settings = { ...DEFAULT_OFFLINE_FIT_OPTIONS, ...options };
  const measured = measureEssays(essays, lexicon);
  const model = {
    version: 'offline-writing-v1',
    features: [...OFFLINE_WRITING_MODEL_FEATURES],
    fit: { folds: settings.folds, seed: settings.seed, lambdas: [...settings.lambdas], essays: essays.length },
    tasks: {
      task1: roundTaskModel(fitTaskModel(measured.filter((item) => item.essay.task === 'task1'), settings)),
      task2: roundTaskModel(fitTaskModel(measured.filter((item) => item.essay.task === 'task2'), settings)),
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
  results: Record<'task1' | 'task2' | 'all', { model: AgreementMetrics; baselineMean: AgreementMetrics; baselineMedian: AgreementMetrics }>;
  /** The bands predicted for each essay when its fold was held out, by essay id. */
  predictions: Array<{ id: string; task: WritingTask; band: number; predicted: number }>;
}

/**
 * Honest accuracy: each outer fold is scored by a model fitted — penalty choice included — on
 * the other folds only. The baselines predict the training folds' mean or median band, rounded
 * to a half band.
 */
export function crossValidateOfflineWriting(essays: readonly ScoredEssay[], lexicon: Lexicon, options: OfflineFitOptions = {}): OfflineCrossValidation {
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

function featureRanges(measured: readonly MeasuredEssay[]): { minimums: number[]; maximums: number[] } {
  const width = OFFLINE_WRITING_MODEL_FEATURES.length;
  const minimums = new Array<number>(width).fill(Number.POSITIVE_INFINITY);
  const maximums = new Array<number>(width).fill(Number.NEGATIVE_INFINITY);
  for (const item of measured) {
    item.row.forEach((value, column) => {
      minimums[column] = Math.min(minimums[column] ?? value, value);
      maximums[column] = Math.max(maximums[column] ?? value, value);
    });
  }
  return { minimums, maximums };
}

function roundTaskModel(model: OfflineTaskModel): OfflineTaskModel {
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
