import type { QuestionGroup, QuestionResult } from '@ielts-genai-prep/core';

/** What a result shows of a question besides its marking: its text, and the options' texts for letter answers. */
export interface QuestionText {
  text: string;
  options: ReadonlyMap<string, string>;
}

/** Each question's text by number, from the question's groups. */
export function questionTextsOf(groups: readonly QuestionGroup[]): Map<number, QuestionText> {
  const texts = new Map<number, QuestionText>();
  for (const group of groups) {
    const options = new Map(group.options.map((option) => [option.letter.toUpperCase(), option.text]));
    for (const item of group.questions) texts.set(item.number, { text: item.text, options });
  }
  return texts;
}

// "B" alone tells a learner little once the test is closed: "B (the cost of transport)".
function withOptionText(answer: string, text: QuestionText | undefined): string {
  const option = text?.options.get(answer.trim().toUpperCase());
  return option ? `${answer} (${option})` : answer;
}

/** Props of {@link QuestionResults}. */
export interface QuestionResultsProps {
  results: readonly QuestionResult[];
  /** The questions' texts by number; a result without one shows its number alone. */
  texts: ReadonlyMap<number, QuestionText>;
}

/**
 * Every question's marking: its text, the learner's answer, the accepted answers, right or wrong
 * and why in plain words. A table on a wide screen; on a phone each row stacks into a card, its
 * cells labelled, so no column runs off the screen.
 */
export function QuestionResults({ results, texts }: QuestionResultsProps) {
  return (
    <table className="question-results">
      <thead>
        <tr>
          <th scope="col">Question</th>
          <th scope="col">Your answer</th>
          <th scope="col">Accepted answers</th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {results.map((result) => {
          const text = texts.get(result.question_number);
          return (
            <tr
              key={result.question_number}
              className={result.correct ? 'correct' : 'incorrect'}
              data-question-result={result.question_number}
              data-reason={result.reason_code ?? undefined}
            >
              <th scope="row">
                <span className="question-result-number">{result.question_number}</span>
                {text && <span className="question-result-text">{text.text}</span>}
              </th>
              <td data-label="Your answer">{result.given ? withOptionText(result.given, text) : <span className="muted">(blank)</span>}</td>
              <td data-label="Accepted">{result.expected.map((answer) => withOptionText(answer, text)).join(' / ')}</td>
              <td data-label="Result">
                <span className={`tag ${result.correct ? 'tag-good' : 'tag-bad'}`}>{result.correct ? '✓ Correct' : '✗ Incorrect'}</span>
                {!result.correct && <span className="question-result-why">{result.reason}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
