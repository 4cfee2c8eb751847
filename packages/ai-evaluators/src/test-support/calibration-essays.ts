import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScoredEssays, type ScoredEssay } from '../offline-writing-fit.js';

/** The human-scored essays the offline writing model is calibrated on: in shared/ beside the repository clone. */
export const CALIBRATION_ESSAYS_PATH = fileURLToPath(new URL('../../../../../shared/data/essays/scored-essays.jsonl', import.meta.url));

let parsed: readonly ScoredEssay[] | undefined;

/** Every calibration essay, read and parsed on first use (once per test file). */
export function calibrationEssays(): readonly ScoredEssay[] {
  parsed ??= parseScoredEssays(readFileSync(CALIBRATION_ESSAYS_PATH, 'utf8'));
  return parsed;
}
