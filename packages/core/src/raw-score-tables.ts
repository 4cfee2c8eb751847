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

const rows = (entries: ReadonlyArray<readonly [number, number, Band]>): RawScoreRow[] =>
  entries.map(([minimum, maximum, band]) => ({ minimum, maximum, band }));

/**
 * The commonly published tables (see IELTS-RULES.md). Official pages give only anchor points;
 * below band 2.5 sources say "band 1–2", which this version spreads as shown (an assumption).
 */
export const COMMONLY_PUBLISHED_2024: RawScoreTableVersion = {
  version: 'commonly-published-2024',
  description:
    'Widely published conversion tables, matching the official anchor points (Listening 16→5, 23→6, 30→7, 35→8; Academic Reading 15→5, 23→6, 30→7, 35→8; General Training Reading 15→4, 23→5, 30→6, 34→7).',
  tables: {
    listening: rows([
      [39, 40, 9],
      [37, 38, 8.5],
      [35, 36, 8],
      [32, 34, 7.5],
      [30, 31, 7],
      [26, 29, 6.5],
      [23, 25, 6],
      [18, 22, 5.5],
      [16, 17, 5],
      [13, 15, 4.5],
      [11, 12, 4],
      [8, 10, 3.5],
      [6, 7, 3],
      [4, 5, 2.5],
      [2, 3, 2],
      [1, 1, 1],
    ]),
    reading_academic: rows([
      [39, 40, 9],
      [37, 38, 8.5],
      [35, 36, 8],
      [33, 34, 7.5],
      [30, 32, 7],
      [27, 29, 6.5],
      [23, 26, 6],
      [19, 22, 5.5],
      [15, 18, 5],
      [13, 14, 4.5],
      [10, 12, 4],
      [8, 9, 3.5],
      [6, 7, 3],
      [4, 5, 2.5],
      [2, 3, 2],
      [1, 1, 1],
    ]),
    reading_general_training: rows([
      [40, 40, 9],
      [39, 39, 8.5],
      [37, 38, 8],
      [36, 36, 7.5],
      [34, 35, 7],
      [32, 33, 6.5],
      [30, 31, 6],
      [27, 29, 5.5],
      [23, 26, 5],
      [19, 22, 4.5],
      [15, 18, 4],
      [12, 14, 3.5],
      [9, 11, 3],
      [6, 8, 2.5],
      [3, 5, 2],
      [1, 2, 1],
    ]),
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
