import { createAiSafetyLogRepository, type AiSafetyLogRepository } from './ai-safety-log-repository.js';
import { createAssessmentRepository, type AssessmentRepository } from './assessment-repository.js';
import { createContentReportRepository, type ContentReportRepository } from './content-report-repository.js';
import { createOutboxRepository, type OutboxRepository } from './outbox-repository.js';
import { createQuestionRepository, type QuestionRepository } from './question-repository.js';
import { createRateLimitRepository, type RateLimitRepository } from './rate-limit-repository.js';
import type { RepositoryOptions } from './request-sender.js';
import { createRubricRepository, type RubricRepository } from './rubric-repository.js';
import { createSessionRepository, type SessionRepository } from './session-repository.js';
import { resolveTableNames, type TableNameOptions } from './table-definitions.js';
import { createUserRepository, type UserRepository } from './user-repository.js';

/** One repository per table. */
export interface Repositories {
  /** The users table. */
  users: UserRepository;
  /** The sessions table. */
  sessions: SessionRepository;
  /** The assessments table. */
  assessments: AssessmentRepository;
  /** The questions table. */
  questions: QuestionRepository;
  /** The rubrics table. */
  rubrics: RubricRepository;
  /** The content reports table. */
  contentReports: ContentReportRepository;
  /** The AI safety logs table. */
  aiSafetyLogs: AiSafetyLogRepository;
  /** The rate limits table: lockout and rate-limit counters shared by every instance. */
  rateLimits: RateLimitRepository;
  /** The outbox table: mail to send, leased to one sender at a time. */
  outbox: OutboxRepository;
}

/** Options for {@link createRepositories}: the shared repository options plus table naming. */
export interface CreateRepositoriesOptions extends RepositoryOptions, TableNameOptions {
  /** Signs pagination cursors (HMAC-SHA256). Required: keep it secret and the same across instances. */
  cursorSecret: string | Uint8Array;
}

/** Creates all nine repositories on one document client, with one naming scheme (`prefix`, `suffix`, `tableNames`). */
export function createRepositories(options: CreateRepositoriesOptions): Repositories {
  const names = resolveTableNames(options);
  const shared: RepositoryOptions = {
    documentClient: options.documentClient,
    retry: options.retry,
    onConsumedCapacity: options.onConsumedCapacity,
    clock: options.clock,
  };
  return {
    users: createUserRepository({ ...shared, tableName: names.users }),
    sessions: createSessionRepository({ ...shared, tableName: names.sessions }),
    assessments: createAssessmentRepository({ ...shared, tableName: names.assessments, cursorSecret: options.cursorSecret }),
    questions: createQuestionRepository({ ...shared, tableName: names.questions, cursorSecret: options.cursorSecret }),
    rubrics: createRubricRepository({ ...shared, tableName: names.rubrics }),
    contentReports: createContentReportRepository({
      ...shared,
      tableName: names.contentReports,
      cursorSecret: options.cursorSecret,
    }),
    aiSafetyLogs: createAiSafetyLogRepository({ ...shared, tableName: names.aiSafetyLogs }),
    rateLimits: createRateLimitRepository({ ...shared, tableName: names.rateLimits }),
    outbox: createOutboxRepository({ ...shared, tableName: names.outbox }),
  };
}
