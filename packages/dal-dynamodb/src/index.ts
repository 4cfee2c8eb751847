// The public root: the tables, their creation, the repositories and their errors. The
// development databases are at `@ielts-genai-prep/dal-dynamodb/local`; the DynamoDB requests
// the repositories send are built by internal functions (see request-builders.ts).
export { DalError, type DalErrorCode, type DalErrorIssue, type DalErrorOptions } from './errors.js';
export {
  TABLE_KEYS,
  TABLE_DEFINITIONS,
  DEFAULT_BILLING,
  USER_EMAIL_INDEX,
  ASSESSMENT_TYPE_INDEX,
  STATUS_INDEX,
  ASSESSMENT_ID_INDEX,
  OUTBOX_STATUS_INDEX,
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
export { renderAwsCliCommands, type RenderAwsCliOptions } from './render-aws-cli.js';
export { buildCloudFormationTemplate, renderCloudFormationTemplate, type CloudFormationOptions } from './render-cloudformation.js';
export type { RetryPolicy } from './retry-policy.js';
export { MAX_ITEM_BYTES } from './item-size.js';
export type { ConsumedCapacityReport, RepositoryOptions } from './request-sender.js';
export type { Page } from './signed-page.js';
export {
  USER_UPDATABLE_FIELDS,
  createUserRepository,
  type PurchaseInput,
  type UserInput,
  type UserRepository,
  type UserRepositoryOptions,
  type UserUpdate,
} from './user-repository.js';
export {
  ALLOWANCE_ATTRIBUTE_PREFIX,
  allowanceAttribute,
  type AllowanceConsumption,
  type AllowanceUsage,
} from './allowance-usage.js';
export {
  SESSION_QUERY_PAGE_SIZE,
  createSessionRepository,
  isSessionExpired,
  type SessionInput,
  type SessionRepository,
  type SessionRepositoryOptions,
} from './session-repository.js';
export {
  DEFAULT_ASSESSMENT_PAGE_SIZE,
  MAX_ASSESSMENT_PAGE_SIZE,
  createAssessmentRepository,
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
  createQuestionRepository,
  DEFAULT_QUESTION_PAGE_SIZE,
  MAX_QUESTION_PAGE_SIZE,
  type QuestionInput,
  type QuestionPage,
  type QuestionRepository,
  type QuestionRepositoryOptions,
} from './question-repository.js';
export {
  createRubricRepository,
  type RubricInput,
  type RubricRepository,
  type RubricRepositoryOptions,
} from './rubric-repository.js';
export {
  DEFAULT_CONTENT_REPORT_PAGE_SIZE,
  MAX_CONTENT_REPORT_PAGE_SIZE,
  createContentReportRepository,
  type ContentReportInput,
  type ContentReportPage,
  type ContentReportRepository,
  type ContentReportRepositoryOptions,
} from './content-report-repository.js';
export {
  createAiSafetyLogRepository,
  type AiSafetyLogInput,
  type AiSafetyLogRepository,
  type AiSafetyLogRepositoryOptions,
} from './ai-safety-log-repository.js';
export {
  MAX_RATE_LIMIT_KEY_BYTES,
  createRateLimitRepository,
  type ConsumeRateLimitOptions,
  type RateLimitConsumption,
  type RateLimitRepository,
  type RateLimitRepositoryOptions,
  type RateLimitWindow,
} from './rate-limit-repository.js';
export {
  OUTBOX_KEY_ATTRIBUTE,
  OUTBOX_STATUSES,
  createOutboxRepository,
  outboxMessageInputSchema,
  type ClaimDueOptions,
  type OutboxClaim,
  type OutboxMessage,
  type OutboxMessageInput,
  type OutboxRepository,
  type OutboxRepositoryOptions,
  type OutboxStatus,
} from './outbox-repository.js';
export { DEAD_MAIL_METRIC } from './dead-mail-metric.js';
export { createRepositories, type CreateRepositoriesOptions, type Repositories } from './repositories.js';
export { createDynamoClients, type CreateDynamoClientsOptions } from './dynamo-clients.js';
