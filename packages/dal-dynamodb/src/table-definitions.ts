import { DalError } from './errors.js';

/** The nine tables, named the way the rest of the package refers to them. */
export const TABLE_KEYS = [
  'users',
  'sessions',
  'assessments',
  'questions',
  'rubrics',
  'contentReports',
  'aiSafetyLogs',
  'rateLimits',
  'outbox',
] as const;

/** One of {@link TABLE_KEYS}. */
export type TableKey = (typeof TABLE_KEYS)[number];

/** A key attribute: its name and DynamoDB scalar type. */
export interface KeyAttribute {
  /** Attribute name as stored on the item. */
  name: string;
  /** DynamoDB scalar type: string or number. */
  type: 'S' | 'N';
}

/** A global secondary index of a table. */
export interface IndexDefinition {
  /** Index name, as queries name it. */
  name: string;
  /** Partition key of the index. */
  partitionKey: KeyAttribute;
  /** Sort key of the index, when it has one. */
  sortKey?: KeyAttribute;
  /** Which attributes the index copies. */
  projection: 'ALL' | 'KEYS_ONLY';
}

/** A table, described as data: every creation path (SDK, AWS CLI, CloudFormation) reads this. */
export interface TableDefinition {
  /** How the package refers to the table. */
  key: TableKey;
  /** The production table name, before any environment prefix or suffix. */
  baseName: string;
  /** What the table holds. */
  description: string;
  /** Partition key of the table. */
  partitionKey: KeyAttribute;
  /** Global secondary indexes. */
  indexes: readonly IndexDefinition[];
  /** The epoch-seconds attribute DynamoDB's TTL deletes items by, when the table has one. */
  timeToLiveAttribute?: string;
}

/** The name of the sessions and assessments GSI keyed by the owner's email. */
export const USER_EMAIL_INDEX = 'user-email-index';
/** The name of the questions and rubrics GSI keyed by assessment type. */
export const ASSESSMENT_TYPE_INDEX = 'assessment-type-index';
/** The name of the content-reports GSI keyed by status. */
export const STATUS_INDEX = 'status-index';
/** The name of the AI-safety-logs GSI keyed by assessment id. */
export const ASSESSMENT_ID_INDEX = 'assessment-id-index';

/** The name of the outbox GSI keyed by status and due time. */
export const OUTBOX_STATUS_INDEX = 'status-due-index';

/** A string key attribute. */
const stringKey = (name: string): KeyAttribute => ({ name, type: 'S' });

/** An index that copies every attribute: the only projection these tables use. */
function fullIndex(name: string, partitionKey: KeyAttribute, sortKey?: KeyAttribute): IndexDefinition {
  return { name, partitionKey, ...(sortKey ? { sortKey } : {}), projection: 'ALL' };
}

/** Definitions of the nine tables, keyed by {@link TableKey}. */
export const TABLE_DEFINITIONS: Readonly<Record<TableKey, TableDefinition>> = {
  users: {
    key: 'users',
    baseName: 'ielts-genai-prep-users',
    description: 'One item per account, keyed by lowercased email.',
    partitionKey: stringKey('email'),
    indexes: [],
  },
  sessions: {
    key: 'sessions',
    baseName: 'ielts-genai-prep-sessions',
    description: 'Login sessions keyed by the SHA-256 of their token; expire through TTL.',
    partitionKey: stringKey('session_id'),
    indexes: [fullIndex(USER_EMAIL_INDEX, stringKey('user_email'))],
    timeToLiveAttribute: 'expires_at',
  },
  assessments: {
    key: 'assessments',
    baseName: 'ielts-genai-prep-assessments',
    description: "Assessments and their results; a user's history is read newest first through the GSI.",
    partitionKey: stringKey('assessment_id'),
    indexes: [fullIndex(USER_EMAIL_INDEX, stringKey('user_email'), stringKey('timestamp'))],
  },
  questions: {
    key: 'questions',
    baseName: 'ielts-assessment-questions',
    description: 'The question bank, listed by assessment type through the GSI.',
    partitionKey: stringKey('question_id'),
    indexes: [fullIndex(ASSESSMENT_TYPE_INDEX, stringKey('assessment_type'))],
  },
  rubrics: {
    key: 'rubrics',
    baseName: 'ielts-assessment-rubrics',
    description: 'Scoring rubrics; the newest edition per assessment type is read through the GSI.',
    partitionKey: stringKey('rubric_id'),
    indexes: [fullIndex(ASSESSMENT_TYPE_INDEX, stringKey('assessment_type'), stringKey('version'))],
  },
  contentReports: {
    key: 'contentReports',
    baseName: 'ielts-content-reports',
    description: 'Learner reports about generated content, listed by status for moderation.',
    partitionKey: stringKey('report_id'),
    indexes: [fullIndex(STATUS_INDEX, stringKey('status'), stringKey('created_at'))],
  },
  aiSafetyLogs: {
    key: 'aiSafetyLogs',
    baseName: 'ielts-ai-safety-logs',
    description: 'An append-only log of AI safety events, listed by assessment.',
    partitionKey: stringKey('log_id'),
    indexes: [fullIndex(ASSESSMENT_ID_INDEX, stringKey('assessment_id'), stringKey('created_at'))],
  },
  rateLimits: {
    key: 'rateLimits',
    baseName: 'ielts-genai-prep-rate-limits',
    description: 'Sign-in lockout and rate-limit counters, one per limited key and window; expire through TTL.',
    partitionKey: stringKey('limit_key'),
    indexes: [],
    timeToLiveAttribute: 'expires_at',
  },
  outbox: {
    key: 'outbox',
    baseName: 'ielts-genai-prep-outbox',
    description:
      'Mail to send, durable and leased to one sender at a time; due messages are read through the GSI; sent and dead ones expire through TTL.',
    partitionKey: stringKey('message_id'),
    indexes: [fullIndex(OUTBOX_STATUS_INDEX, stringKey('status'), { name: 'next_attempt_at', type: 'N' })],
    timeToLiveAttribute: 'expires_at',
  },
};

/** Physical table names, keyed by {@link TableKey}. */
export type TableNames = Record<TableKey, string>;

/** Options for {@link resolveTableNames}. */
export interface TableNameOptions {
  /** Put before every base name, e.g. `staging-`. Default: none. */
  prefix?: string;
  /** Put after every base name, e.g. `-dev`. Default: none. */
  suffix?: string;
  /** Exact names for some tables; these ignore prefix and suffix. */
  tableNames?: Partial<TableNames>;
}

const tableNamePattern = /^[A-Za-z0-9_.-]{3,255}$/;

/**
 * The physical name of every table for one environment: prefix + production name + suffix,
 * unless a table's name is given outright.
 */
export function resolveTableNames(options: TableNameOptions = {}): TableNames {
  const names = {} as TableNames;
  for (const key of TABLE_KEYS) {
    const name = options.tableNames?.[key] ?? `${options.prefix ?? ''}${TABLE_DEFINITIONS[key].baseName}${options.suffix ?? ''}`;
    if (!tableNamePattern.test(name)) {
      throw new DalError({
        code: 'validation',
        message: `Invalid DynamoDB table name "${name}": 3–255 letters, digits, "_", "-" or "."`,
        tableName: name,
      });
    }
    names[key] = name;
  }
  return names;
}

/** How tables are billed: on demand, or provisioned with the same capacity for the table and each GSI. */
export type BillingOptions = { mode: 'PAY_PER_REQUEST' } | { mode: 'PROVISIONED'; readCapacityUnits: number; writeCapacityUnits: number };

/** The billing every creation path uses unless told otherwise: on demand. */
export const DEFAULT_BILLING: BillingOptions = { mode: 'PAY_PER_REQUEST' };
