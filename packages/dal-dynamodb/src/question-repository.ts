import type { GetCommandInput, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { assessmentTypeSchema, identifierSchema, questionSchema, type AssessmentType, type Question } from '@ielts-genai-prep/core';
import type * as z from 'zod';
import { queryAll, writeAll } from './batch-operations.js';
import { decodeCursor, encodeCursor, assertCursorSecret } from './cursor.js';
import { DalError } from './errors.js';
import { buildIndexQuery } from './index-query.js';
import { assertItemSize } from './item-size.js';
import { bindRepositoryCalls, type RepositoryOptions } from './request-sender.js';
import { parseInput, parseStoredItem, withoutUndefined } from './schema-boundary.js';
import { assertPageLimit, type Page } from './signed-page.js';
import { ASSESSMENT_TYPE_INDEX, resolveTableNames } from './table-definitions.js';

/** Questions on a page of {@link QuestionRepository.listPageByType} unless a limit is given. */
export const DEFAULT_QUESTION_PAGE_SIZE = 20;
/** The most questions one page of {@link QuestionRepository.listPageByType} holds. */
export const MAX_QUESTION_PAGE_SIZE = 100;

/** One page of questions of a type, in id order. */
export type QuestionPage = Page<Question>;

/** A question to store: {@link Question} before defaults are applied. */
export type QuestionInput = z.input<typeof questionSchema>;

/** GetItem for a question. Pure. */
export function buildGetQuestionRequest(tableName: string, questionId: string): GetCommandInput {
  return { TableName: tableName, Key: { question_id: questionId } };
}

/** Query of the questions of one assessment type through `assessment-type-index`. Pure. */
export function buildQuestionsByTypeQuery(tableName: string, assessmentType: AssessmentType): QueryCommandInput {
  return buildIndexQuery({ tableName, indexName: ASSESSMENT_TYPE_INDEX, partitionKey: 'assessment_type', partitionValue: assessmentType });
}

/** Options for {@link createQuestionRepository}. */
export interface QuestionRepositoryOptions extends RepositoryOptions {
  /** Physical table name. Default `ielts-assessment-questions`. */
  tableName?: string;
  /** Signs pagination cursors (HMAC-SHA256), as for assessments. Required: the same across instances. */
  cursorSecret: string | Uint8Array;
}

/** The question bank. Items include answer keys: strip them with core's `toPublicQuestion` before sending to a client. */
export interface QuestionRepository {
  /** The question with this id, or undefined. */
  get(questionId: string): Promise<Question | undefined>;
  /** Every question of a type, all pages of the GSI read, in the index's order. */
  listByType(assessmentType: AssessmentType): Promise<Question[]>;
  /**
   * One page of a type's questions in id order (`reading-academic-1` before `-2`), so a bank
   * lists the way it was authored. `cursor` is the previous page's signed `next_cursor`; one
   * from another type, or altered, is an `invalid_cursor` {@link DalError}. A bank is small:
   * each page reads the type's questions whole.
   */
  listPageByType(assessmentType: AssessmentType, options?: { limit?: number; cursor?: string | null }): Promise<QuestionPage>;
  /** Stores (or replaces) questions, 25 per batch, retrying unprocessed items. All are validated before any is sent. */
  putMany(questions: readonly QuestionInput[]): Promise<Question[]>;
}

/** Creates the {@link QuestionRepository}. */
export function createQuestionRepository(options: QuestionRepositoryOptions): QuestionRepository {
  const tableName = options.tableName ?? resolveTableNames().questions;
  const parseQuestion = (item: Record<string, unknown>) =>
    parseStoredItem(questionSchema, item, { tableName, key: { question_id: item.question_id } });

  assertCursorSecret(options.cursorSecret, 'createQuestionRepository', tableName);

  return bindRepositoryCalls<QuestionRepository>('questions', options, (sender) => {
    const listByType = async (assessmentType: AssessmentType) => {
      const type = parseInput(assessmentTypeSchema, assessmentType, { tableName });
      const items = await queryAll(
        sender,
        { operation: 'questions.listByType', tableName, key: { assessment_type: type } },
        buildQuestionsByTypeQuery(tableName, type),
      );
      return items.map(parseQuestion);
    };
    return {
      async get(questionId) {
        // Every stored question id passed core's schema: another one names no question, and is not sent.
        if (!identifierSchema.safeParse(questionId).success) return undefined;
        const output = await sender.get(
          { operation: 'questions.get', tableName, key: { question_id: questionId } },
          buildGetQuestionRequest(tableName, questionId),
        );
        return output.Item ? parseQuestion(output.Item) : undefined;
      },

      listByType,

      async listPageByType(assessmentType, { limit = DEFAULT_QUESTION_PAGE_SIZE, cursor } = {}) {
        const type = parseInput(assessmentTypeSchema, assessmentType, { tableName });
        assertPageLimit(limit, MAX_QUESTION_PAGE_SIZE, tableName);
        const scope = { list: `questions:${tableName}`, owner: type };
        const after = cursor ? decodeCursor(scope, cursor, options.cursorSecret).question_id : undefined;
        if (cursor && typeof after !== 'string') {
          throw new DalError({ code: 'invalid_cursor', message: 'Invalid cursor: malformed', tableName });
        }
        const sorted = (await listByType(type)).sort((a, b) => a.question_id.localeCompare(b.question_id));
        const remaining = after === undefined ? sorted : sorted.filter((question) => question.question_id.localeCompare(String(after)) > 0);
        const items = remaining.slice(0, limit);
        const last = items.at(-1);
        return {
          items,
          next_cursor:
            remaining.length > limit && last ? encodeCursor(scope, { question_id: last.question_id }, options.cursorSecret) : null,
        };
      },

      async putMany(inputs) {
        const questions = inputs.map((input) =>
          parseInput(questionSchema, input, { tableName, key: { question_id: (input as { question_id?: unknown }).question_id } }),
        );
        // One BatchWriteItem may not hold two writes of one key: DynamoDB would refuse the batch.
        const seen = new Set<string>();
        for (const question of questions) {
          if (seen.has(question.question_id)) {
            throw new DalError({
              code: 'validation',
              message: `questions.putMany was given question ${question.question_id} twice`,
              tableName,
              key: { question_id: question.question_id },
              issues: [{ path: 'question_id', message: 'appears twice' }],
            });
          }
          seen.add(question.question_id);
        }
        const items = questions.map((question) => {
          const item = withoutUndefined({ ...question });
          assertItemSize(item, tableName, { question_id: question.question_id });
          return item;
        });
        await writeAll(
          sender,
          { operation: 'questions.putMany', tableName },
          items.map((item) => ({ PutRequest: { Item: item } })),
          options.retry,
        );
        return questions;
      },
    };
  });
}
