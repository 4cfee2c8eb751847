// The band rules without zod, so `@ielts-genai-prep/core/rules` stays small.
import { CoreError } from './core-error.js';

/** An IELTS band: 0–9 in half bands. */
export type Band = number;

/** All 19 bands, 0 to 9. */
export const BANDS: readonly Band[] = Array.from({ length: 19 }, (_, index) => index / 2);

// Means of half bands are exact in binary, but (T1 + 2·T2) / 3 is not: a small
// tolerance keeps 6.4999999 from rounding as if it were below 6.5.
const tolerance = 1e-9;

/** True when `value` is a band: a finite number from 0 to 9 in half steps. */
export function isBand(value: unknown): value is Band {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 9 && Number.isInteger(value * 2);
}

/** Throws a {@link CoreError} `invalid_band` unless `value` is a band. */
export function assertBand(value: unknown, label = 'band'): asserts value is Band {
  if (!isBand(value)) {
    throw new CoreError('invalid_band', `${label} must be a number from 0 to 9 in half bands, got ${describe(value)}`);
  }
}

function assertScore(value: unknown, label: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 9) {
    throw new CoreError('invalid_band', `${label} must be a finite number from 0 to 9, got ${describe(value)}`);
  }
}

function describe(value: unknown): string {
  return typeof value === 'number' ? String(value) : typeof value === 'string' ? JSON.stringify(value) : typeof value;
}

/**
 * How a mean is turned into a band.
 * - `nearest`: the IELTS overall-band rule — to the nearest half band, with .25 up to .5 and .75 up to the next whole band.
 * - `down`: down to the half band below (a common assumption for criterion → task bands).
 */
export type BandRounding = 'nearest' | 'down';

/** Rounds a score from 0 to 9 to a band with the given rule (default `nearest`). */
export function roundToHalfBand(score: number, rounding: BandRounding = 'nearest'): Band {
  assertScore(score, 'score');
  const halves = rounding === 'nearest' ? Math.floor(score * 2 + 0.5 + tolerance) : Math.floor(score * 2 + tolerance);
  return halves / 2;
}

/** The four skill bands a test taker receives. */
export interface SkillBands {
  listening: Band;
  reading: Band;
  writing: Band;
  speaking: Band;
}

/**
 * The overall band: the mean of the four skills rounded to the nearest half band,
 * .25 up to .5 and .75 up to the next whole band (6.25 → 6.5, 6.125 → 6.0, 6.75 → 7.0).
 */
export function overallBand(bands: SkillBands): Band {
  const values = [bands.listening, bands.reading, bands.writing, bands.speaking];
  for (const [index, value] of values.entries()) assertBand(value, `${['listening', 'reading', 'writing', 'speaking'][index]} band`);
  return roundToHalfBand(mean(values), 'nearest');
}

/** How writing bands are rounded; IELTS does not publish this, so it is configurable. */
export interface WritingRoundingOptions {
  /** Rounding of the mean of a task's four criteria. Default `down`. */
  task?: BandRounding;
  /** Rounding of (task 1 + 2 × task 2) / 3. Default `down`. */
  writing?: BandRounding;
}

/** The defaults of {@link WritingRoundingOptions}: both `down`, the common assumption. */
export const DEFAULT_WRITING_ROUNDING: Required<WritingRoundingOptions> = { task: 'down', writing: 'down' };

/** A task's band from its criterion bands (their mean, rounded by `options.task`, default `down`). */
export function writingTaskBand(criterionBands: readonly Band[], options: WritingRoundingOptions = {}): Band {
  return meanBand(criterionBands, options.task ?? DEFAULT_WRITING_ROUNDING.task);
}

/** The mean of some bands, rounded (default `nearest`): a speaking band from its criteria, say. */
export function meanBand(bands: readonly Band[], rounding: BandRounding = 'nearest'): Band {
  if (bands.length === 0) throw new CoreError('invalid_argument', 'at least one band is needed');
  for (const [index, band] of bands.entries()) assertBand(band, `band ${index + 1}`);
  return roundToHalfBand(mean(bands), rounding);
}

/** The writing band: task 2 counts double, (T1 + 2·T2) / 3, rounded by `options.writing` (default `down`). */
export function writingBand(task1: Band, task2: Band, options: WritingRoundingOptions = {}): Band {
  assertBand(task1, 'task 1 band');
  assertBand(task2, 'task 2 band');
  return roundToHalfBand((task1 + 2 * task2) / 3, options.writing ?? DEFAULT_WRITING_ROUNDING.writing);
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
