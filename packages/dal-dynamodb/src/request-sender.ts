import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type BatchWriteCommandInput,
  type BatchWriteCommandOutput,
  type DeleteCommandInput,
  type DeleteCommandOutput,
  type DynamoDBDocumentClient,
  type GetCommandInput,
  type GetCommandOutput,
  type PutCommandInput,
  type PutCommandOutput,
  type QueryCommandInput,
  type QueryCommandOutput,
  type UpdateCommandInput,
  type UpdateCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { resolveRetryPolicy, runWithRetry, type CallContext, type ResolvedRetryPolicy, type RetryPolicy } from './retry-policy.js';

/**
 * The capacity one request consumed, as DynamoDB reported it (`ReturnConsumedCapacity`). A
 * repository call that sends several requests reports each; their sum is the call's cost.
 */
export interface ConsumedCapacityReport {
  /** The repository method whose call sent the request, e.g. `users.create`. */
  operation: string;
  /** The physical table name. */
  tableName: string;
  /** Total capacity units, table and indexes. */
  capacityUnits: number;
  /** Read units, when DynamoDB splits them out. */
  readCapacityUnits?: number;
  /** Write units, when DynamoDB splits them out. */
  writeCapacityUnits?: number;
}

/** Options every repository factory takes. */
export interface RepositoryOptions {
  /** The document client to send requests with (the caller owns its endpoint and credentials). */
  documentClient: DynamoDBDocumentClient;
  /** Deadline and throttling retries for every call; see {@link RetryPolicy} for defaults. */
  retry?: RetryPolicy;
  /** Receives the capacity each call consumed. Default: not reported. */
  onConsumedCapacity?: (report: ConsumedCapacityReport) => void;
  /** The clock, in milliseconds since the epoch, as every package's `clock` option. Default `Date.now`. */
  clock?: () => number;
}

/** The repositories' clock as dates, from {@link RepositoryOptions.clock}. */
export function dateClock(options: Pick<RepositoryOptions, 'clock'>): () => Date {
  const clock = options.clock ?? Date.now;
  return () => new Date(clock());
}

/** Sends document-client requests with the deadline, throttling retries and capacity reports. */
export interface RequestSender {
  /** Sends a PutItem. */
  put(context: CallContext, input: PutCommandInput): Promise<PutCommandOutput>;
  /** Sends a GetItem. */
  get(context: CallContext, input: GetCommandInput): Promise<GetCommandOutput>;
  /** Sends an UpdateItem. */
  update(context: CallContext, input: UpdateCommandInput): Promise<UpdateCommandOutput>;
  /** Sends a DeleteItem. */
  delete(context: CallContext, input: DeleteCommandInput): Promise<DeleteCommandOutput>;
  /** Sends a Query. */
  query(context: CallContext, input: QueryCommandInput): Promise<QueryCommandOutput>;
  /** Sends a BatchWriteItem. */
  batchWrite(context: CallContext, input: BatchWriteCommandInput): Promise<BatchWriteCommandOutput>;
}

/**
 * Creates a {@link RequestSender} with the options' deadline, retries and capacity reports, for
 * requests outside a repository (the repositories get theirs from {@link bindRepositoryCalls}).
 */
export function createRequestSender(options: RepositoryOptions): RequestSender {
  return createSenderWithPolicy(resolveRetryPolicy(options.retry), options);
}

/**
 * Builds a repository from `methods`, giving each call of each method a fresh
 * {@link RequestSender} for that call: its requests share the call's deadline
 * (`retry.callDeadlineMs`), so a method that pages, batches or re-reads after a failed
 * condition is bounded as a whole, and report their capacity under the call's name
 * (`users.consumeAllowance`, even for the read it makes inside). `methods` only defines
 * functions; it runs once per call, so keep setup outside it.
 */
export function bindRepositoryCalls<Repository extends object>(
  repositoryName: string,
  options: RepositoryOptions,
  methods: (sender: RequestSender) => Repository,
): Repository {
  const policy = resolveRetryPolicy(options.retry);
  const names = Object.keys(methods(createSenderWithPolicy(policy, options))) as (keyof Repository & string)[];
  const repository = {} as Repository;
  for (const name of names) {
    const call = { operation: `${repositoryName}.${name}` };
    const method = (...args: unknown[]) => {
      const bound = methods(createSenderWithPolicy(policy, options, { ...call, expiresAt: Date.now() + policy.callDeadlineMs }));
      return (bound[name] as (...args: unknown[]) => unknown)(...args);
    };
    repository[name] = method as Repository[keyof Repository & string];
  }
  return repository;
}

/** The repository call a sender's requests belong to. */
interface RepositoryCall {
  /** e.g. `users.consumeAllowance`: capacity is reported under it. */
  operation: string;
  /** When the call's time is up, as a `Date.now()` time. */
  expiresAt: number;
}

function createSenderWithPolicy(policy: ResolvedRetryPolicy, options: RepositoryOptions, call?: RepositoryCall): RequestSender {
  const { documentClient, onConsumedCapacity } = options;

  const report = (context: CallContext, consumed: ConsumedCapacity | ConsumedCapacity[] | undefined) => {
    if (!onConsumedCapacity || !consumed) return;
    for (const entry of Array.isArray(consumed) ? consumed : [consumed]) {
      onConsumedCapacity({
        operation: call?.operation ?? context.operation,
        tableName: entry.TableName ?? context.tableName,
        capacityUnits: entry.CapacityUnits ?? 0,
        ...(entry.ReadCapacityUnits !== undefined ? { readCapacityUnits: entry.ReadCapacityUnits } : {}),
        ...(entry.WriteCapacityUnits !== undefined ? { writeCapacityUnits: entry.WriteCapacityUnits } : {}),
      });
    }
  };

  async function run<Output extends { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }>(
    context: CallContext,
    attempt: (abortSignal: AbortSignal) => Promise<Output>,
  ): Promise<Output> {
    const output = await runWithRetry(attempt, policy, context, call?.expiresAt);
    report(context, output.ConsumedCapacity);
    return output;
  }
  const withCapacity = <Input extends object>(input: Input) =>
    onConsumedCapacity ? { ReturnConsumedCapacity: 'TOTAL' as const, ...input } : input;

  // A new command per attempt: the SDK's middleware state is per command instance.
  return {
    put: (context, input) => run(context, (abortSignal) => documentClient.send(new PutCommand(withCapacity(input)), { abortSignal })),
    get: (context, input) => run(context, (abortSignal) => documentClient.send(new GetCommand(withCapacity(input)), { abortSignal })),
    update: (context, input) => run(context, (abortSignal) => documentClient.send(new UpdateCommand(withCapacity(input)), { abortSignal })),
    delete: (context, input) => run(context, (abortSignal) => documentClient.send(new DeleteCommand(withCapacity(input)), { abortSignal })),
    query: (context, input) => run(context, (abortSignal) => documentClient.send(new QueryCommand(withCapacity(input)), { abortSignal })),
    batchWrite: (context, input) =>
      run(context, (abortSignal) => documentClient.send(new BatchWriteCommand(withCapacity(input)), { abortSignal })),
  };
}
