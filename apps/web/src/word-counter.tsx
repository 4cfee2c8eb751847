import { countWords } from '@ielts-genai-prep/core';

/** Where a word count stands against the minimum. */
export interface WordCountStatus {
  words: number;
  minimum: number;
  /** Words still needed; 0 once the minimum is reached. */
  remaining: number;
  reached: boolean;
}

/** Counts words as IELTS does (core's `countWords`) and compares with the minimum. */
export function wordCountStatus(text: string, minimum: number): WordCountStatus {
  const words = countWords(text);
  const remaining = Math.max(0, minimum - words);
  return { words, minimum, remaining, reached: remaining === 0 };
}

/** Props of {@link WordCounter}. */
export interface WordCounterProps {
  text: string;
  /** The task's minimum words. */
  minimum: number;
  id?: string;
}

/** A live word count with how far the essay is from the minimum. */
export function WordCounter({ text, minimum, id }: WordCounterProps) {
  const status = wordCountStatus(text, minimum);
  const percent = minimum > 0 ? Math.min(100, Math.round((status.words / minimum) * 100)) : 100;
  return (
    <div className={`word-counter${status.reached ? ' word-counter-reached' : ''}`} id={id} data-testid="word-counter">
      <p>
        <strong data-testid="word-count">{status.words}</strong> {status.words === 1 ? 'word' : 'words'}
        {' · '}
        {status.reached ? (
          <span>minimum of {minimum} reached</span>
        ) : (
          <span>
            {status.remaining} more to reach the minimum of {minimum}
          </span>
        )}
      </p>
      <div className="word-counter-bar" aria-hidden="true">
        <span style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
