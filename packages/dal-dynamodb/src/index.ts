export { DalError, type DalErrorCode, type DalErrorOptions } from './errors.js';
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
  type ConsumedCapacityReport,
  type RepositoryOptions,
  type RequestSender,
} from './request-sender.js';
