import { CoreError } from './core-error.js';
import type { Band } from './band-rules.js';

/** The tests whose raw score (0–40) converts to a band by table. */
export type RawScoreTest = 'listening' | 'reading_academic' | 'reading_general_training';

/** One row: raw scores from `minimum` to `maximum` (inclusive) give `band`. */
export interface RawScoreRow {
  minimum: number;
  maximum: number;
  band: Band;
}

/** A versioned set of conversion tables: cut-offs vary by test version and sources disagree. */
export interface RawScoreTableVersion {
  version: string;
  description: string;
  tables: Readonly<Record<RawScoreTest, readonly RawScoreRow[]>>;
}

/** The largest raw score of the reading and listening tests. */
export const MAXIMUM_RAW_SCORE = 40;

// Every table has one row per band from 9 down to 1, and its rows meet without gaps: a row runs from
// its lowest raw score up to one below the lowest of the row above (the top row up to 40). So a table
// is written as the lowest raw score of each band, and the rows are built from that.
const BANDS_FROM_TOP: readonly Band[] = [9, 8.5, 8, 7.5, 7, 6.5, 6, 5.5, 5, 4.5, 4, 3.5, 3, 2.5, 2, 1];

function rowsFromLowestScores(lowestScores: readonly number[]): RawScoreRow[] {
  return BANDS_FROM_TOP.map((band, index) => ({
    minimum: lowestScores[index]!,
    maximum: index === 0 ? MAXIMUM_RAW_SCORE : lowestScores[index - 1]! - 1,
    band,
  }));
}

/**
 * The commonly published tables (see IELTS-RULES.md). Official pages give only anchor points;
 * below band 2.5 sources say "band 1–2", which this version spreads as shown (an assumption).
 */
export const COMMONLY_PUBLISHED_2024: RawScoreTableVersion = {
  version: 'commonly-published-2024',
  description:
    'Widely published conversion tables, matching the official anchor points (Listening 16→5, 23→6, 30→7, 35→8; Academic Reading 15→5, 23→6, 30→7, 35→8; General Training Reading 15→4, 23→5, 30→6, 34→7).',
  // The lowest raw score of band 9, 8.5, 8 … 2.5, 2 and 1.
  tables: {
    listening: rowsFromLowestScores([39, 37, 35, 32, 30, 26, 23, 18, 16, 13, 11, 8, 6, 4, 2, 1]),
    reading_academic: rowsFromLowestScores([39, 37, 35, 33, 30, 27, 23, 19, 15, 13, 10, 8, 6, 4, 2, 1]),
    reading_general_training: rowsFromLowestScores([40, 39, 37, 36, 34, 32, 30, 27, 23, 19, 15, 12, 9, 6, 3, 1]),
  },
};

/** Every table version this package knows, by version name. */
export const RAW_SCORE_TABLE_VERSIONS: Readonly<Record<string, RawScoreTableVersion>> = {
  [COMMONLY_PUBLISHED_2024.version]: COMMONLY_PUBLISHED_2024,
};

/** The version used when none is named. */
export const DEFAULT_RAW_SCORE_TABLE_VERSION = COMMONLY_PUBLISHED_2024.version;

/** Options of {@link rawScoreToBand}. */
export interface RawScoreToBandOptions {
  /** A version from {@link RAW_SCORE_TABLE_VERSIONS}, or a table of your own. Default {@link DEFAULT_RAW_SCORE_TABLE_VERSION}. */
  table?: string | RawScoreTableVersion;
  /** Whether any answer was given. A raw score of 0 is band 0 only when nothing was attempted; else band 1. Default true. */
  attempted?: boolean;
}

/** Converts a raw score (a whole number from 0 to 40) to a band with a versioned table. */
export function rawScoreToBand(test: RawScoreTest, rawScore: number, options: RawScoreToBandOptions = {}): Band {
  if (typeof rawScore !== 'number' || !Number.isInteger(rawScore) || rawScore < 0 || rawScore > MAXIMUM_RAW_SCORE) {
    throw new CoreError(
      'invalid_raw_score',
      `raw score must be a whole number from 0 to ${MAXIMUM_RAW_SCORE}, got ${typeof rawScore === 'number' ? rawScore : typeof rawScore}`,
    );
  }
  const version = resolveTable(options.table);
  const table = version.tables[test];
  if (!table) throw new CoreError('invalid_argument', `no raw score table for ${String(test)}`);
  if (rawScore === 0) return options.attempted === false ? 0 : 1;
  const row = table.find((candidate) => rawScore >= candidate.minimum && rawScore <= candidate.maximum);
  if (!row) throw new CoreError('invalid_raw_score', `table ${version.version} has no row for raw score ${rawScore} in ${test}`);
  return row.band;
}

function resolveTable(table: string | RawScoreTableVersion | undefined): RawScoreTableVersion {
  if (table === undefined) return COMMONLY_PUBLISHED_2024;
  if (typeof table !== 'string') return table;
  const found = RAW_SCORE_TABLE_VERSIONS[table];
  if (!found) {
    throw new CoreError(
      'unknown_table_version',
      `unknown raw score table version "${table}"; known: ${Object.keys(RAW_SCORE_TABLE_VERSIONS).join(', ')}`,
    );
  }
  return found;
}
