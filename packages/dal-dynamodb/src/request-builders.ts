// Every function that builds a DynamoDB request, in one place for the test that checks their
// expressions (expression-placeholders.test.ts). Internal: the package root does not export them.
export { buildPutIfAbsentRequest } from './conditional-writes.js';
export { buildIndexQuery } from './index-query.js';
export {
  buildAddPurchaseRequest,
  buildCreateUserRequest,
  buildGetUserRequest,
  buildRecordLoginRequest,
  buildUpdateUserRequest,
} from './user-repository.js';
export {
  buildConsumeAllowanceRequest,
  buildGetAllowanceUsageRequest,
  buildInitializeAllowanceRequest,
  buildReconcileAllowanceRequest,
  buildReleaseAllowanceRequest,
} from './allowance-usage.js';
export {
  buildConsumeSessionRequest,
  buildCreateSessionRequest,
  buildDeleteSessionRequest,
  buildGetSessionRequest,
  buildTouchSessionRequest,
  buildUserSessionsQuery,
} from './session-repository.js';
export {
  buildCompleteAssessmentRequest,
  buildDeleteIdempotencyMarkerRequest,
  buildGetAssessmentRequest,
  buildPutAssessmentRequest,
  buildPutIdempotencyMarkerRequest,
  buildUpdateProgressRequest,
  buildUserAssessmentTypesQuery,
  buildUserAssessmentsQuery,
} from './assessment-repository.js';
export { buildGetQuestionRequest, buildQuestionsByTypeQuery } from './question-repository.js';
export { buildPutRubricRequest, buildRubricByTypeQuery } from './rubric-repository.js';
export { buildCreateContentReportRequest, buildReportsByStatusQuery, buildUpdateReportStatusRequest } from './content-report-repository.js';
export { buildAppendSafetyLogRequest, buildSafetyLogsByAssessmentQuery } from './ai-safety-log-repository.js';
export {
  buildCountRateLimitRequest,
  buildDeleteRateLimitRequest,
  buildGetRateLimitRequest,
  buildReleaseRateLimitRequest,
  buildStartRateLimitWindowRequest,
} from './rate-limit-repository.js';
export {
  buildClaimOutboxRequest,
  buildDeadOutboxQuery,
  buildDueOutboxQuery,
  buildEnqueueOutboxRequest,
  buildGetOutboxRequest,
  buildReleaseOutboxRequest,
  buildSettleOutboxRequest,
} from './outbox-repository.js';
