import { ApiError } from '@ielts-genai-prep/api-client';
import type { Assessment, PublicQuestion } from '@ielts-genai-prep/core';
import { useRef, useState } from 'react';
import { Text } from 'react-native';
import { useApp } from './app-context';
import { Button } from './button';
import { ErrorBanner } from './error-banner';
import { fieldErrorsOf } from '@ielts-genai-prep/app-kit';
import { answerSheetFrom, newIdempotencyKey, questionNumbers, type Answers } from '@ielts-genai-prep/app-kit';
import { shared } from './theme';

/** The last answer sheet sent and its idempotency key. */
export interface SheetAttempt {
  sheet: string;
  key: string;
}

/** Options of {@link useSheetSubmission}. */
export interface SheetSubmissionOptions {
  test: PublicQuestion;
  kind: 'reading' | 'listening';
  /** Where the last attempt is kept (a draft, to survive restarts). Default: in memory. */
  attempt?: { current: SheetAttempt | null; remember(attempt: SheetAttempt): void };
  /** Called once the sheet is marked, before the result is shown (forget a draft, say). */
  onMarked?: () => Promise<void>;
}

/**
 * Sends a reading or listening answer sheet to be marked (`reading.evaluate`, `listening.evaluate`)
 * and shows the result. The same sheet sent again (after a lost answer) reuses its idempotency key,
 * so it is marked and charged once; a changed sheet gets a new one.
 */
export function useSheetSubmission({ test, kind, attempt, onMarked }: SheetSubmissionOptions) {
  const { client, navigation } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const inMemory = useRef<SheetAttempt | null>(null);
  const remembered = attempt ?? { current: inMemory.current, remember: (next: SheetAttempt) => (inMemory.current = next) };

  const submit = async (answers: Answers) => {
    const sheet = answerSheetFrom(answers);
    const serialised = JSON.stringify(sheet);
    const key = remembered.current?.sheet === serialised ? remembered.current.key : newIdempotencyKey(kind);
    remembered.remember({ sheet: serialised, key });
    setBusy(true);
    setError(null);
    try {
      const body = { question_id: test.question_id, answers: sheet, idempotency_key: key };
      const assessment: Assessment = kind === 'reading' ? await client.reading.evaluate(body) : await client.listening.evaluate(body);
      await onMarked?.();
      navigation.replace({ name: 'result', assessment, question: test });
    } catch (caught) {
      // A 401 has already sent the learner to sign in (see App).
      if (ApiError.isInstance(caught) && caught.code === 'unauthorized') return;
      setError(caught);
      setBusy(false);
    }
  };
  return { submit, busy, error, fieldErrors: fieldErrorsOf(error) };
}

/** Props of {@link SheetFooter}. */
export interface SheetFooterProps {
  test: PublicQuestion;
  answers: Answers;
  submission: ReturnType<typeof useSheetSubmission>;
  onSubmit: () => void;
}

/** Under an answer sheet: the problem with the last submission, how many questions are answered, and "Submit answers". */
export function SheetFooter({ test, answers, submission, onSubmit }: SheetFooterProps) {
  const total = questionNumbers(test.question_groups).length;
  const answered = Object.keys(answerSheetFrom(answers)).length;
  return (
    <>
      {submission.error !== null ? (
        <ErrorBanner error={submission.error} fields={Object.keys(submission.fieldErrors)} onRetry={onSubmit} />
      ) : null}
      <Text style={shared.body}>
        You have answered {answered} of {total} questions.{answered < total ? ' Unanswered questions are marked wrong.' : ''}
      </Text>
      <Button label={submission.busy ? 'Marking…' : 'Submit answers'} onPress={onSubmit} busy={submission.busy} />
    </>
  );
}
