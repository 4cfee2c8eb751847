import { throwIfAborted } from './evaluation-options.js';
import { loadEnglishLexicon, type Lexicon } from './spelling-lexicon.js';

/** What an offline scorer's call begins with. */
export interface OfflineEvaluationStart {
  /** The scorer's clock, in milliseconds since the epoch. */
  clock: () => number;
  /** When the call started, on `clock`. */
  startedAt: number;
  /** The scorer's word list, or the English one loaded on first use. */
  lexicon: Lexicon;
}

/**
 * Starts one call of an offline scorer: reads its clock and loads the word list, giving up
 * (`aborted`) before and after the load when the call's signal has fired.
 */
export async function startOfflineEvaluation(
  options: { clock?: () => number; lexicon?: Lexicon },
  signal: AbortSignal | undefined,
): Promise<OfflineEvaluationStart> {
  const clock = options.clock ?? Date.now;
  const startedAt = clock();
  throwIfAborted(signal);
  const lexicon = options.lexicon ?? (await loadEnglishLexicon());
  throwIfAborted(signal);
  return { clock, startedAt, lexicon };
}
