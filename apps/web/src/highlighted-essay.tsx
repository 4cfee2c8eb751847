import type { InlineCorrection } from '@ielts-genai-prep/core';
import { segmentEssay } from './essay-segments.js';

/**
 * The essay with each corrected span highlighted and its suggestion beside it; the numbered
 * list below gives the category and explanation of each correction.
 */
export function HighlightedEssay({ essay, corrections }: { essay: string; corrections: readonly InlineCorrection[] }) {
  const { segments, unplaced } = segmentEssay(essay, corrections);
  return (
    <div className="corrections">
      <div className="essay-text" data-testid="highlighted-essay">
        {segments.map((segment, index) => {
          if (segment.correctionIndex === null) return <span key={index}>{segment.text}</span>;
          const correction = corrections[segment.correctionIndex];
          if (!correction) return <span key={index}>{segment.text}</span>;
          const number = segment.correctionIndex + 1;
          return (
            <span key={index} className={`correction correction-${correction.category}`}>
              <mark aria-describedby={`correction-${number}`} data-correction={number}>
                {segment.text}
              </mark>
              {correction.suggestion && (
                <span className="correction-suggestion">
                  <span className="visually-hidden">, suggested: </span>
                  {correction.suggestion}
                </span>
              )}
              <sup>
                <a href={`#correction-${number}`} aria-label={`Correction ${number}`}>
                  {number}
                </a>
              </sup>
            </span>
          );
        })}
      </div>
      {corrections.length > 0 && (
        <ol className="correction-list">
          {corrections.map((correction, index) => (
            <li key={index} id={`correction-${index + 1}`} className={`correction-item correction-${correction.category}`}>
              <span className="tag">{correction.category}</span> <q className="correction-quote">{correction.quote}</q>
              {correction.suggestion && (
                <>
                  {' → '}
                  <q className="correction-fix">{correction.suggestion}</q>
                </>
              )}
              {correction.explanation && <p>{correction.explanation}</p>}
              {unplaced.includes(index) && <p className="muted">(This passage could not be found in the essay as submitted.)</p>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
