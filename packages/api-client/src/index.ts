export { createApiClient, type ApiClientOptions, type RetryOptions } from './create-api-client.js';
export {
  ApiAbortError,
  ApiClientError,
  ApiError,
  ApiInputValidationError,
  ApiNetworkError,
  ApiResponseValidationError,
  ApiTimeoutError,
  type ApiClientErrorCode,
} from './api-client-error.js';
export type { ApiClient, CallOptions, EndpointArguments, EndpointMethod, EndpointResult } from './endpoint-types.js';
