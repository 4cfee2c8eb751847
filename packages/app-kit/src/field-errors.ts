import { ApiError, ApiInputValidationError } from '@ielts-genai-prep/api-client';

/** A message ending as a sentence does. */
export function asSentence(message: string): string {
  const trimmed = message.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

// What learners call the fields the server names.
const FIELD_NAMES: Readonly<Record<string, string>> = {
  token: 'The link',
  email: 'The email address',
  password: 'The password',
  display_name: 'The name',
  essay: 'The answer',
  recaptcha_token: 'The robot check',
  reason: 'The reason',
  details: 'The details',
};

/**
 * A field's problem as a sentence: "token" + "is invalid or has expired" → "The link is invalid or
 * has expired." A message that is a sentence of its own ("the reCAPTCHA check failed") keeps its words.
 */
export function fieldErrorSentence(path: string, message: string): string {
  const answer = /^answers\.(\d+)$/.exec(path);
  return errorSentence(
    answer ? `The answer to question ${answer[1]}` : (FIELD_NAMES[path] ?? `The ${path.replace(/[._]/g, ' ')}`),
    message,
  );
}

/** A problem with something named as a sentence: ("Password", "must be at least 8 characters") → "Password must be at least 8 characters." */
export function errorSentence(name: string, message: string): string {
  const trimmed = message.trim();
  const startsAsPredicate = /^(is|are|must|should|has|have|was|were|cannot|can't|does|do|needs?)\b/i.test(trimmed);
  const sentence = startsAsPredicate ? `${name} ${trimmed}` : trimmed;
  return asSentence(sentence.charAt(0).toUpperCase() + sentence.slice(1));
}

/**
 * Field-level problems by field path (`email`, `essay`, `answers.12`), from a server
 * `validation_failed` or a client-side input check. Several messages for one field are joined.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const details =
    ApiInputValidationError.isInstance(error) || (ApiError.isInstance(error) && error.code === 'validation_failed') ? error.details : [];
  const byPath: Record<string, string> = {};
  for (const detail of details) {
    const message = detail.message.trim();
    byPath[detail.path] = byPath[detail.path] ? `${byPath[detail.path]}; ${message}` : message;
  }
  return byPath;
}

/**
 * Field errors that no field on the form shows: listed in the banner instead, so nothing the
 * server said is lost.
 */
export function unplacedFieldErrors(fieldErrors: Record<string, string>, shownFields: readonly string[]): Array<[string, string]> {
  return Object.entries(fieldErrors).filter(([path]) => !shownFields.includes(path));
}
