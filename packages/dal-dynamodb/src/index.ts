export { DalError, type DalErrorCode, type DalErrorIssue, type DalErrorOptions } from './errors.js';
export {
  TABLE_KEYS,
  TABLE_DEFINITIONS,
  DEFAULT_BILLING,
  USER_EMAIL_INDEX,
  ASSESSMENT_TYPE_INDEX,
  STATUS_INDEX,
  ASSESSMENT_ID_INDEX,
  resolveTableNames,
  type TableKey,
  type TableNames,
  type TableNameOptions,
  type TableDefinition,
  type IndexDefinition,
  type KeyAttribute,
  type BillingOptions,
} from './table-definitions.js';
export {
  buildCreateTableInput,
  buildUpdateTimeToLiveInput,
  compareTableDescription,
  keyAttributes,
} from './table-requests.js';
export {
  createTables,
  deleteTables,
  describeTables,
  type CreateTablesOptions,
  type CreateTableResult,
  type DeleteTableResult,
  type TableAdminOptions,
  type TableProgressEvent,
  type TableState,
} from './create-tables.js';
export { renderAwsCliCommands, shellQuote, type RenderAwsCliOptions } from './render-aws-cli.js';
export {
  buildCloudFormationTemplate,
  renderCloudFormationTemplate,
  logicalResourceId,
  type CloudFormationOptions,
} from './render-cloudformation.js';
export { runCli, CLI_USAGE, type CliInputOutput } from './cli-program.js';
export {
  backoffDelay,
  isConditionalCheckFailed,
  isThrottlingError,
  resolveRetryPolicy,
  runWithRetry,
  toDalError,
  type CallContext,
  type ResolvedRetryPolicy,
  type RetryPolicy,
} from './retry-policy.js';
export { itemSize, assertItemSize, MAX_ITEM_BYTES } from './item-size.js';
export { encodeCursor, decodeCursor, type CursorScope } from './cursor.js';
export {
  startDynamoDbLocal,
  findDynamoDbLocalDirectory,
  findFreePort,
  type DynamoDbLocal,
  type StartDynamoDbLocalOptions,
} from './dynamodb-local.js';
export {
  createRequestSender,
  bindRepositoryCalls,
  type ConsumedCapacityReport,
  type RepositoryOptions,
  type RequestSender,
} from './request-sender.js';
export { createExpressionBuilder, versionCondition, type ExpressionBuilder } from './expressions.js';
export { checkExpectedVersion, parseInput, parseStoredItem, withoutUndefined, type ItemContext } from './schema-boundary.js';
export { buildPutIfAbsentRequest, unlessConditionFails } from './conditional-writes.js';
export { buildIndexQuery, type IndexQuery } from './index-query.js';
export { readSignedPage, type Page, type SignedPageRequest } from './signed-page.js';
export { BATCH_WRITE_LIMIT, buildBatchWriteInputs, queryAll, writeAll, type WriteRequest } from './batch-operations.js';
export {
  USER_UPDATABLE_FIELDS,
  PURCHASE_IDS_ATTRIBUTE,
  buildAddPurchaseRequest,
  buildCreateUserRequest,
  buildGetUserRequest,
  buildRecordLoginRequest,
  buildUpdateUserRequest,
  createUserRepository,
  toUserItem,
  type PurchaseInput,
  type UserInput,
  type UserRepository,
  type UserRepositoryOptions,
  type UserUpdate,
} from './user-repository.js';
export {
  ALLOWANCE_ATTRIBUTE_PREFIX,
  allowanceAttribute,
  buildConsumeAllowanceRequest,
  buildGetAllowanceUsageRequest,
  buildInitializeAllowanceRequest,
  buildReleaseAllowanceRequest,
  readAllowanceUsage,
  type AllowanceConsumption,
  type AllowanceUsage,
} from './allowance-usage.js';
export {
  SESSION_QUERY_PAGE_SIZE,
  buildConsumeSessionRequest,
  buildCreateSessionRequest,
  buildDeleteSessionRequest,
  buildGetSessionRequest,
  buildTouchSessionRequest,
  buildUserSessionsQuery,
  createSessionRepository,
  isSessionExpired,
  type SessionInput,
  type SessionRepository,
  type SessionRepositoryOptions,
} from './session-repository.js';
export {
  DEFAULT_ASSESSMENT_PAGE_SIZE,
  MAX_ASSESSMENT_PAGE_SIZE,
  buildCompleteAssessmentRequest,
  buildDeleteIdempotencyMarkerRequest,
  buildGetAssessmentRequest,
  buildPutAssessmentRequest,
  buildPutIdempotencyMarkerRequest,
  buildUpdateProgressRequest,
  buildUserAssessmentTypesQuery,
  buildUserAssessmentsQuery,
  createAssessmentRepository,
  idempotencyMarkerId,
  type AssessmentCounts,
  type AssessmentInput,
  type AssessmentProgress,
  type AssessmentPage,
  type AssessmentRepository,
  type IdempotencyClaim,
  type IdempotencyRecord,
  type AssessmentRepositoryOptions,
} from './assessment-repository.js';
export {
  buildGetQuestionRequest,
  buildQuestionsByTypeQuery,
  createQuestionRepository,
  type QuestionInput,
  type QuestionRepository,
  type QuestionRepositoryOptions,
} from './question-repository.js';
export {
  buildPutRubricRequest,
  buildRubricByTypeQuery,
  createRubricRepository,
  type RubricInput,
  type RubricRepository,
  type RubricRepositoryOptions,
} from './rubric-repository.js';
export {
  DEFAULT_CONTENT_REPORT_PAGE_SIZE,
  MAX_CONTENT_REPORT_PAGE_SIZE,
  buildCreateContentReportRequest,
  buildReportsByStatusQuery,
  buildUpdateReportStatusRequest,
  createContentReportRepository,
  type ContentReportInput,
  type ContentReportPage,
  type ContentReportRepository,
  type ContentReportRepositoryOptions,
} from './content-report-repository.js';
export {
  buildAppendSafetyLogRequest,
  buildSafetyLogsByAssessmentQuery,
  createAiSafetyLogRepository,
  type AiSafetyLogInput,
  type AiSafetyLogRepository,
  type AiSafetyLogRepositoryOptions,
} from './ai-safety-log-repository.js';
export {
  MAX_RATE_LIMIT_KEY_BYTES,
  RATE_LIMIT_KEY_ATTRIBUTE,
  buildCountRateLimitRequest,
  buildDeleteRateLimitRequest,
  buildGetRateLimitRequest,
  buildReleaseRateLimitRequest,
  buildStartRateLimitWindowRequest,
  createRateLimitRepository,
  type ConsumeRateLimitOptions,
  type RateLimitConsumption,
  type RateLimitRepository,
  type RateLimitRepositoryOptions,
  type RateLimitWindow,
} from './rate-limit-repository.js';
export { createRepositories, type CreateRepositoriesOptions, type Repositories } from './repositories.js';
export { startEmbeddedDynamo, type EmbeddedDynamo, type StartEmbeddedDynamoOptions } from './embedded-dynamo.js';
export { createDynamoClients, type CreateDynamoClientsOptions } from './dynamo-clients.js';
