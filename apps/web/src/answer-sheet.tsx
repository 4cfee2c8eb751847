import { choicesFor, fieldErrorSentence, writtenAnswerHint, type AnswerSheetProps } from '@ielts-genai-prep/app-kit';
import type { AnswerFormat } from '@ielts-genai-prep/core';
import { Fragment, useId } from 'react';
import { DiagramView } from './diagram-view.js';

const GAP = /_{3,}/;

function WrittenAnswer({
  number,
  text,
  format,
  value,
  onChange,
  error,
  disabled,
}: {
  number: number;
  text: string;
  format: AnswerFormat;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  disabled: boolean;
}) {
  const id = useId();
  const input = (
    <input
      id={id}
      className="answer-input"
      type="text"
      inputMode={format.kind === 'number' ? 'numeric' : 'text'}
      autoComplete="off"
      autoCapitalize="off"
      spellCheck={false}
      maxLength={200}
      value={value}
      disabled={disabled}
      aria-label={`Answer to question ${number}`}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
      data-question={number}
      onChange={(event) => onChange(event.target.value)}
    />
  );
  const parts = text.split(GAP);
  return (
    <li className="question" data-question-number={number}>
      <span className="question-number" aria-hidden="true">
        {number}
      </span>
      <div className="question-body">
        {parts.length > 1 ? (
          <p className="question-text">
            {parts.map((part, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one question's text around its gaps, fixed for that question; the input always follows the first
              <Fragment key={index}>
                {part}
                {index === 0 ? input : index < parts.length - 1 ? '____' : null}
              </Fragment>
            ))}
          </p>
        ) : (
          <>
            <p className="question-text">{text}</p>
            {input}
          </>
        )}
        {error && (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
    </li>
  );
}

function ChosenAnswer({
  number,
  text,
  choices,
  optionTexts,
  value,
  onChange,
  error,
  disabled,
}: {
  number: number;
  text: string;
  choices: readonly string[];
  optionTexts: Map<string, string>;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  disabled: boolean;
}) {
  const id = useId();
  return (
    <li className="question" data-question-number={number}>
      <span className="question-number" aria-hidden="true">
        {number}
      </span>
      <fieldset className="question-body" aria-describedby={error ? `${id}-error` : undefined} disabled={disabled}>
        <legend className="question-text">
          <span className="visually-hidden">Question {number}: </span>
          {text}
        </legend>
        <div className="choices" role="radiogroup" aria-label={`Question ${number}`}>
          {choices.map((choice) => (
            <label key={choice} className={`choice${value === choice ? ' choice-selected' : ''}`} title={optionTexts.get(choice)}>
              <input
                type="radio"
                name={`question-${id}`}
                value={choice}
                checked={value === choice}
                data-question={number}
                onChange={() => onChange(choice)}
              />
              <span>{choice}</span>
            </label>
          ))}
          {value && (
            <button type="button" className="link-button choice-clear" onClick={() => onChange('')}>
              Clear<span className="visually-hidden"> answer to question {number}</span>
            </button>
          )}
        </div>
        {error && (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </fieldset>
    </li>
  );
}

/**
 * The questions of a reading or listening test, grouped under their instructions: radio
 * buttons for TRUE/FALSE/NOT GIVEN, YES/NO/NOT GIVEN and letters, text inputs for written
 * answers (placed in the gap when the question has one), and a group's diagram drawn above its
 * questions, its callouts numbered as the answer fields are.
 */
export function AnswerSheet({ groups, answers, onChange, errors = {}, disabled = false }: AnswerSheetProps) {
  return (
    <div className="answer-sheet">
      {groups.map((group) => {
        const choices = choicesFor(group.answer_format);
        const hint = writtenAnswerHint(group.answer_format);
        const optionTexts = new Map(group.options.map((option) => [option.letter, option.text]));
        return (
          <section key={group.group_id} className="question-group" aria-label={group.instructions.split('.')[0]}>
            <p className="question-instructions">{group.instructions}</p>
            {hint && <p className="field-hint">{hint}</p>}
            {group.options.length > 0 && (
              <dl className="question-options">
                {group.options.map((option) => (
                  <div key={option.letter}>
                    <dt>{option.letter}</dt>
                    <dd>{option.text}</dd>
                  </div>
                ))}
              </dl>
            )}
            {group.diagram && <DiagramView diagram={group.diagram} />}
            <ol className="questions">
              {group.questions.map((question) => {
                const key = String(question.number);
                const value = answers[key] ?? '';
                const message = errors[`answers.${key}`];
                const error = message === undefined ? undefined : fieldErrorSentence(`answers.${key}`, message);
                const change = (next: string) => onChange(question.number, next);
                return choices ? (
                  <ChosenAnswer
                    key={key}
                    number={question.number}
                    text={question.text}
                    choices={choices}
                    optionTexts={optionTexts}
                    value={value}
                    onChange={change}
                    error={error}
                    disabled={disabled}
                  />
                ) : (
                  <WrittenAnswer
                    key={key}
                    number={question.number}
                    text={question.text}
                    format={group.answer_format}
                    value={value}
                    onChange={change}
                    error={error}
                    disabled={disabled}
                  />
                );
              })}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
