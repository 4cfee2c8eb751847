const marker = Symbol.for('@ielts-genai-prep/dal-dynamodb/error');

/**
 * Stable machine-readable reasons a data-layer call failed. The server maps these to
 * its JSON error envelope, so they never change meaning once published.
 */
export type DalErrorCode =
  /** An optimistic-lock check failed: the item changed since it was read. */
  | 'conflict'
  /** The item the call needs does not exist (or has expired). */
  | 'not_found'
  /** An item with the same unique key already exists. */
  | 'duplicate'
  /** An item read back from a table does not match the domain schema. */
  | 'invalid_item'
  /** Input rejected before any request was sent (schema or allow-list). */
  | 'validation'
  /** The item would exceed DynamoDB's 400 KB limit; nothing was sent. */
  | 'item_too_large'
  /** DynamoDB kept throttling after every retry. */
  | 'throttled'
  /** The call did not finish before its deadline. */
  | 'deadline_exceeded'
  /** DynamoDB could not be reached (connection refused or dropped): its endpoint is down or restarting. */
  | 'unavailable'
  /** A pagination cursor was malformed, tampered with, or issued for another user. */
  | 'invalid_cursor'
  /** A table exists with a key schema or indexes other than its definition. */
  | 'table_mismatch'
  /** A table the call needs does not exist. */
  | 'table_missing'
  /** A local DynamoDB for development or tests (DynamoDB Local or dynalite) could not be found or started. */
  | 'local_dynamodb_unavailable'
  /** DynamoDB rejected the request for another reason. */
  | 'dynamodb';

/** Options for {@link DalError}. */
export interface DalErrorOptions {
  /** Machine-readable reason. */
  code: DalErrorCode;
  /** Human-readable explanation. */
  message: string;
  /** Physical table name involved, when known. */
  tableName?: string;
  /** Primary key of the item involved, when known. */
  key?: Record<string, unknown>;
  /** Whether repeating the same call later may succeed. Defaults by code. */
  isRetryable?: boolean;
  /** Which fields failed validation, for `validation` and `invalid_item`. */
  issues?: DalErrorIssue[];
  /** The underlying error (an AWS SDK exception, a zod error…). */
  cause?: unknown;
}

/** One field that failed validation: its path in the item and what is wrong. */
export interface DalErrorIssue {
  /** Path of the field, e.g. `preferences.target_band`. */
  path: string;
  /** What is wrong with it. */
  message: string;
}

const retryableCodes = new Set<DalErrorCode>(['throttled', 'deadline_exceeded', 'unavailable']);

/**
 * The one error class this package throws. Check it with {@link DalError.isInstance}
 * rather than `instanceof`, which fails when two copies of the package are installed.
 */
export class DalError extends Error {
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read by isInstance's `marker in error`, so it works across copies of this package
  private readonly [marker] = true;

  /** Machine-readable reason; see {@link DalErrorCode}. */
  readonly code: DalErrorCode;
  /** Physical table name involved, when known. */
  readonly tableName: string | undefined;
  /** Primary key of the item involved, when known. */
  readonly key: Record<string, unknown> | undefined;
  /** Whether repeating the same call later may succeed. */
  readonly isRetryable: boolean;
  /** Which fields failed validation; empty for other codes. */
  readonly issues: DalErrorIssue[];

  /** Creates an error; prefer the code that best tells the caller what to do next. */
  constructor(options: DalErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DalError';
    this.code = options.code;
    this.tableName = options.tableName;
    this.key = options.key;
    this.isRetryable = options.isRetryable ?? retryableCodes.has(options.code);
    this.issues = options.issues ?? [];
  }

  /**
   * True when `error` is a {@link DalError} from any copy of this package; with `code`,
   * also checks that it has that code.
   */
  static isInstance(error: unknown, code?: DalErrorCode): error is DalError {
    if (typeof error !== 'object' || error === null || !(marker in error)) return false;
    return code === undefined || (error as unknown as DalError).code === code;
  }
}

/** Describes a key for messages: `email="a@b.c"`. */
export function describeKey(key: Record<string, unknown> | undefined): string {
  if (!key) return '';
  return Object.entries(key)
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .join(', ');
}
