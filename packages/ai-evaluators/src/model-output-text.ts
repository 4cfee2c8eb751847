import * as z from 'zod';

/**
 * What every evaluator requires of text a model writes for learners, and how validation
 * problems are put back to a model: shared by the Bedrock writing and Gemini speaking outputs.
 */

// Tags, entities and script URLs: feedback is shown as plain text and must never carry markup.
const MARKUP = /<\/?[a-z!?][^<>]*>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);|javascript:/i;

/** A non-empty string of at most `maximum` characters without HTML tags, entities or script URLs. */
export function plainTextSchema(maximum: number) {
  return z
    .string()
    .min(1)
    .max(maximum)
    .refine((value) => !MARKUP.test(value), 'must be plain text, without HTML or other markup');
}

/**
 * Validation issues as short lines in our own words ("criteria.task_response.band: must be at
 * most 9"). Nothing the model wrote is echoed — not even an unexpected key's name — because
 * these lines go back into the retry prompt and into logs.
 */
export function describeIssues(error: z.ZodError, limit = 6): string[] {
  return error.issues.slice(0, limit).map((issue) => {
    const path =
      issue.path
        .map((segment) => (typeof segment === 'number' || /^[a-z_]{1,40}$/.test(String(segment)) ? String(segment) : '?'))
        .join('.') || '(root)';
    return `${path}: ${describeIssue(issue)}`;
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      return `must be at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'unrecognized_keys':
      return `${issue.keys.length} unexpected key(s): only the schema's keys are allowed`;
    case 'invalid_value':
      return 'not one of the allowed values';
    case 'custom':
      return 'must be plain text, without HTML or other markup';
    default:
      return 'invalid';
  }
}
