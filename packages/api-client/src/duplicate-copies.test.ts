import { describe, expect, it } from 'vitest';
import { ApiClientError, ApiError, ApiInputValidationError, ApiNetworkError } from './index.js';

// An app can end up with two copies of this package (two versions, or ESM and CJS side by side).
// The built dist and the source are two such copies: instanceof fails across them, isInstance must not.
describe('isInstance works across copies of the package', () => {
  it('recognises errors thrown by another copy', async () => {
    // A string specifier keeps typecheck independent of a build; the test script runs after one.
    const built = (await import('../dist/index.js' as string)) as typeof import('./index.js');
    const client = built.createApiClient({ baseUrl: 'http://127.0.0.1:9' });
    const error = await client.assessments.get({ id: 'not valid!' }).catch((caught: unknown) => caught);

    expect(error).not.toBeInstanceOf(ApiClientError);
    expect(ApiClientError.isInstance(error)).toBe(true);
    expect(ApiInputValidationError.isInstance(error)).toBe(true);
    expect(ApiError.isInstance(error)).toBe(false);

    const networkError = new built.ApiNetworkError('health.check', { cause: new TypeError('fetch failed') });
    expect(ApiNetworkError.isInstance(networkError)).toBe(true);
    expect(built.ApiNetworkError.isInstance(new ApiNetworkError('health.check', { cause: null }))).toBe(true);
  });
});
