/**
 * The small amount of statistics the offline scorer needs: ridge regression on standardised
 * features, a seeded random generator for reproducible folds, and the agreement measures used
 * to report accuracy (mean absolute error, share within half a band, quadratic weighted kappa).
 */

/** A ridge regression fitted on standardised features. Predict with {@link predictRidge}. */
export interface RidgeModel {
  /** The prediction when every feature is at its training mean. */
  intercept: number;
  /** One coefficient per feature, on the standardised (z-score) scale. */
  coefficients: number[];
  /** Training mean of each feature. */
  means: number[];
  /** Training standard deviation of each feature (1 where a feature was constant). */
  standardDeviations: number[];
}

/**
 * Fits y ≈ intercept + Σ βⱼ·zⱼ with zⱼ the standardised features, minimising
 * Σ residual² + lambda·Σ βⱼ². The intercept is not penalised.
 */
export function fitRidge(rows: readonly (readonly number[])[], targets: readonly number[], lambda: number): RidgeModel {
  const count = rows.length;
  const width = rows[0]?.length ?? 0;
  const means = Array.from({ length: width }, (_, column) => rows.reduce((sum, row) => sum + (row[column] ?? 0), 0) / count);
  const standardDeviations = means.map((average, column) => {
    const variance = rows.reduce((sum, row) => sum + ((row[column] ?? 0) - average) ** 2, 0) / count;
    return variance > 1e-12 ? Math.sqrt(variance) : 1;
  });
  const intercept = targets.reduce((sum, value) => sum + value, 0) / count;
  const standardised = rows.map((row) => row.map((value, column) => (value - (means[column] ?? 0)) / (standardDeviations[column] ?? 1)));
  const gram = Array.from({ length: width }, () => new Array<number>(width).fill(0));
  const moment = new Array<number>(width).fill(0);
  standardised.forEach((row, index) => {
    const target = (targets[index] ?? 0) - intercept;
    for (let left = 0; left < width; left++) {
      const value = row[left] ?? 0;
      moment[left] = (moment[left] ?? 0) + value * target;
      const gramRow = gram[left] as number[];
      for (let right = left; right < width; right++) gramRow[right] = (gramRow[right] ?? 0) + value * (row[right] ?? 0);
    }
  });
  for (let left = 0; left < width; left++) {
    const gramRow = gram[left] as number[];
    gramRow[left] = (gramRow[left] ?? 0) + lambda;
    for (let right = 0; right < left; right++) gramRow[right] = (gram[right] as number[])[left] ?? 0;
  }
  return { intercept, coefficients: solveSymmetric(gram, moment), means, standardDeviations };
}

/** The ridge prediction for one row of raw (unstandardised) features. */
export function predictRidge(model: RidgeModel, row: readonly number[]): number {
  let prediction = model.intercept;
  model.coefficients.forEach((coefficient, column) => {
    prediction += (coefficient * ((row[column] ?? 0) - (model.means[column] ?? 0))) / (model.standardDeviations[column] ?? 1);
  });
  return prediction;
}

// Cholesky solve of a symmetric positive-definite system (ridge makes it so for lambda > 0).
function solveSymmetric(matrix: number[][], vector: number[]): number[] {
  const size = vector.length;
  const lower = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let row = 0; row < size; row++) {
    for (let column = 0; column <= row; column++) {
      let sum = (matrix[row] as number[])[column] ?? 0;
      for (let inner = 0; inner < column; inner++)
        sum -= ((lower[row] as number[])[inner] ?? 0) * ((lower[column] as number[])[inner] ?? 0);
      (lower[row] as number[])[column] =
        row === column ? Math.sqrt(Math.max(sum, 1e-12)) : sum / ((lower[column] as number[])[column] ?? 1);
    }
  }
  const forward = new Array<number>(size).fill(0);
  for (let row = 0; row < size; row++) {
    let sum = vector[row] ?? 0;
    for (let inner = 0; inner < row; inner++) sum -= ((lower[row] as number[])[inner] ?? 0) * (forward[inner] ?? 0);
    forward[row] = sum / ((lower[row] as number[])[row] ?? 1);
  }
  const solution = new Array<number>(size).fill(0);
  for (let row = size - 1; row >= 0; row--) {
    let sum = forward[row] ?? 0;
    for (let inner = row + 1; inner < size; inner++) sum -= ((lower[inner] as number[])[row] ?? 0) * (solution[inner] ?? 0);
    solution[row] = sum / ((lower[row] as number[])[row] ?? 1);
  }
  return solution;
}

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence. */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** How predictions agree with human bands. */
export interface AgreementMetrics {
  /** Number of answers compared. */
  count: number;
  /** Mean absolute error in bands. */
  meanAbsoluteError: number;
  /** Root mean squared error in bands. */
  rootMeanSquaredError: number;
  /** Share of predictions within half a band of the human band (0–1). */
  withinHalfBand: number;
  /** Quadratic weighted kappa over the 19 half-band categories (1 = perfect, 0 = chance). */
  quadraticWeightedKappa: number;
}

/** Agreement of predicted bands with human bands. */
export function measureAgreement(predicted: readonly number[], actual: readonly number[]): AgreementMetrics {
  const count = actual.length;
  let absolute = 0;
  let squared = 0;
  let within = 0;
  predicted.forEach((value, index) => {
    const error = value - (actual[index] ?? 0);
    absolute += Math.abs(error);
    squared += error ** 2;
    if (Math.abs(error) <= 0.5 + 1e-9) within++;
  });
  return {
    count,
    meanAbsoluteError: absolute / count,
    rootMeanSquaredError: Math.sqrt(squared / count),
    withinHalfBand: within / count,
    quadraticWeightedKappa: quadraticWeightedKappa(predicted, actual),
  };
}

/** How predicted bands spread compared with the human bands they predict. */
export interface BandSpreadMetrics {
  /** Standard deviation of the predicted bands. */
  predictedStandardDeviation: number;
  /** Standard deviation of the human bands. */
  humanStandardDeviation: number;
  /** The first over the second: 1 spreads like the examiners, ridge regression alone gives about 0.6. */
  standardDeviationRatio: number;
  /** Mean predicted band minus mean human band. */
  bias: number;
  /** Mean predicted band of the answers humans scored 4.5 or below, and how many there are. */
  lowBands: { count: number; meanPredicted: number };
  /** Mean predicted band of the answers humans scored 8 or above, and how many there are. */
  highBands: { count: number; meanPredicted: number };
}

/** Spread of predicted bands against the human bands: the squeeze toward the middle shows here. */
export function measureBandSpread(predicted: readonly number[], actual: readonly number[]): BandSpreadMetrics {
  const group = (test: (band: number) => boolean) => {
    const members = predicted.filter((_, index) => test(actual[index] ?? 0));
    return { count: members.length, meanPredicted: mean(members) };
  };
  const humanStandardDeviation = standardDeviation(actual);
  const predictedStandardDeviation = standardDeviation(predicted);
  return {
    predictedStandardDeviation,
    humanStandardDeviation,
    standardDeviationRatio: humanStandardDeviation === 0 ? 0 : predictedStandardDeviation / humanStandardDeviation,
    bias: mean(predicted) - mean(actual),
    lowBands: group((band) => band <= 4.5),
    highBands: group((band) => band >= 8),
  };
}

/** Quadratic weighted kappa of two lists of bands (0–9 in half bands). 0 when either list is constant. */
export function quadraticWeightedKappa(first: readonly number[], second: readonly number[]): number {
  const categories = 19;
  const toCategory = (band: number) => Math.min(categories - 1, Math.max(0, Math.round(band * 2)));
  const observed = Array.from({ length: categories }, () => new Array<number>(categories).fill(0));
  const firstHistogram = new Array<number>(categories).fill(0);
  const secondHistogram = new Array<number>(categories).fill(0);
  first.forEach((value, index) => {
    const left = toCategory(value);
    const right = toCategory(second[index] ?? 0);
    (observed[left] as number[])[right] = ((observed[left] as number[])[right] ?? 0) + 1;
    firstHistogram[left] = (firstHistogram[left] ?? 0) + 1;
    secondHistogram[right] = (secondHistogram[right] ?? 0) + 1;
  });
  const total = first.length;
  let disagreement = 0;
  let expectedDisagreement = 0;
  for (let left = 0; left < categories; left++) {
    for (let right = 0; right < categories; right++) {
      const weight = (left - right) ** 2 / (categories - 1) ** 2;
      disagreement += weight * ((observed[left] as number[])[right] ?? 0);
      expectedDisagreement += (weight * (firstHistogram[left] ?? 0) * (secondHistogram[right] ?? 0)) / total;
    }
  }
  return expectedDisagreement === 0 ? 0 : 1 - disagreement / expectedDisagreement;
}

/** The arithmetic mean; 0 for an empty list. */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The median; 0 for an empty list. */
/** The population standard deviation (0 for fewer than two values). */
export function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const average = mean(values);
  return Math.sqrt(values.reduce((sum, value) => sum + (value - average) ** 2, 0) / values.length);
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
