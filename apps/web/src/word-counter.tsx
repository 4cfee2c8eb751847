import { wordCountStatus, wordCountText } from '@ielts-genai-prep/app-kit';

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
  const words = wordCountText(status);
  return (
    <div className={`word-counter${status.reached ? ' word-counter-reached' : ''}`} id={id} data-testid="word-counter">
      <p>
        <strong data-testid="word-count">{status.words}</strong> {status.words === 1 ? 'word' : 'words'}
        {' · '}
        <span>{words.progress}</span>
      </p>
      <div className="word-counter-bar" aria-hidden="true">
        <span style={{ width: `${status.percent}%` }} />
      </div>
    </div>
  );
}
