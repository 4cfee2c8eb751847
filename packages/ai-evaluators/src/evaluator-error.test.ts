// The CJS copy is the built package (dist/index.cjs): build first, as for the CLI tests.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { EvaluatorError } from './evaluator-error.js';

const builtPath = new URL('../dist/index.cjs', import.meta.url);

describe('EvaluatorError', () => {
  it('carries a stable code, whether retrying may help, the HTTP status, details and the cause', () => {
    const cause = new Error('socket hang up');
    const error = new EvaluatorError('throttled', 'Bedrock is throttling requests', {
      cause,
      isRetryable: true,
      statusCode: 429,
      details: ['ThrottlingException'],
    });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'EvaluatorError',
      code: 'throttled',
      isRetryable: true,
      statusCode: 429,
      details: ['ThrottlingException'],
      cause,
    });
    expect(new EvaluatorError('invalid_input', 'bad')).toMatchObject({ isRetryable: false, statusCode: undefined, details: [] });
  });

  it('isInstance is true for its errors only', () => {
    expect(EvaluatorError.isInstance(new EvaluatorError('timeout', 'late'))).toBe(true);
    for (const other of [new Error('x'), { code: 'timeout' }, null, undefined, 'timeout', 42])
      expect(EvaluatorError.isInstance(other)).toBe(false);
  });

  it('isInstance recognises an error thrown by another copy of the package, where instanceof fails', () => {
    if (!existsSync(builtPath))
      throw new Error('dist/index.cjs is missing: run "pnpm --filter @ielts-genai-prep/ai-evaluators build" first');
    const copy = createRequire(import.meta.url)(builtPath.pathname) as { EvaluatorError: typeof EvaluatorError };
    expect(copy.EvaluatorError).not.toBe(EvaluatorError);
    const fromCopy = new copy.EvaluatorError('provider_unavailable', 'down', { isRetryable: true });
    expect(fromCopy instanceof EvaluatorError).toBe(false);
    expect(EvaluatorError.isInstance(fromCopy)).toBe(true);
    expect(copy.EvaluatorError.isInstance(new EvaluatorError('timeout', 'late'))).toBe(true);
  });
});
