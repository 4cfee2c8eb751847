export { describeError, type DescribeErrorOptions, type ErrorKind, type ErrorText } from './describe-error.js';
export { asSentence, errorSentence, fieldErrorSentence, fieldErrorsOf, unplacedFieldErrors } from './field-errors.js';
export { newIdempotencyKey } from './idempotency-key.js';
