import type { PublicQuestion } from '@ielts-genai-prep/core';
import { ChartView } from './chart-view.js';

/** A piece of a prompt: a paragraph, or a run of bullet lines. */
export type PromptBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

const BULLET = /^\s*[•\-*]\s+/;

/** Splits a prompt into paragraphs (blank-line separated) and bullet lists (lines starting with •). */
export function promptBlocks(prompt: string): PromptBlock[] {
  const blocks: PromptBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join('\n') });
    paragraph = [];
  };
  for (const line of prompt.split('\n')) {
    if (BULLET.test(line)) {
      flush();
      const last = blocks[blocks.length - 1];
      const item = line.replace(BULLET, '').trim();
      if (last?.kind === 'list') last.items.push(item);
      else blocks.push({ kind: 'list', items: [item] });
    } else if (line.trim() === '') {
      flush();
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

function LetterPoints({ points }: { points: readonly string[] }) {
  return (
    <div className="letter-points" data-testid="letter-points">
      <p className="letter-points-title">Your letter must cover:</p>
      <ul>
        {points.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A writing question as the candidate reads it: the task, its chart drawn from the data, or
 * the points a General Training letter must cover.
 */
export function QuestionPrompt({ question }: { question: PublicQuestion }) {
  const blocks = promptBlocks(question.prompt);
  const points = question.letter_points;
  const matchesPoints = (items: string[]) => points.length > 0 && points.every((point) => items.includes(point));
  const pointsInPrompt = blocks.some((block) => block.kind === 'list' && matchesPoints(block.items));
  return (
    <section className="card prompt" aria-labelledby="prompt-heading">
      <h2 id="prompt-heading" className="visually-hidden">
        The task
      </h2>
      {blocks.map((block, index) =>
        block.kind === 'paragraph' ? (
          <p key={index} className="prompt-text">
            {block.text}
          </p>
        ) : matchesPoints(block.items) ? (
          <LetterPoints key={index} points={points} />
        ) : (
          <ul key={index} className="prompt-list">
            {block.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        ),
      )}
      {points.length > 0 && !pointsInPrompt && <LetterPoints points={points} />}
      {question.chart && <ChartView chart={question.chart} />}
    </section>
  );
}
