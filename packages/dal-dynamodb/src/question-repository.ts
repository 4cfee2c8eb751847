import type { GetCommandInput, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { assessmentTypeSchema, identifierSchema, questionSchema, type AssessmentType, type Question } from '@ielts-genai-prep/core';
import type * as z from 'zod';
import { queryAll, writeAll } from './batch-operations.js';
import { DalError } from './errors.js';
import { buildIndexQuery } from './index-query.js';
import { assertItemSize } from './item-size.js';
import { bindRepositoryCalls, type RepositoryOptions } from './request-sender.js';
import { parseInput, parseStoredItem, withoutUndefined } from './schema-boundary.js';
import { ASSESSMENT_TYPE_INDEX, resolveTableNames } from './table-definitions.js';

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
}

/** The question bank. Items include answer keys: strip them with core's `toPublicQuestion` before sending to a client. */
export interface QuestionRepository {
  /** The question with this id, or undefined. */
  get(questionId: string): Promise<Question | undefined>;
  /** Every question of a type, all pages of the GSI read, in the index's order. */
  listByType(assessmentType: AssessmentType): Promise<Question[]>;
  /** Stores (or replaces) questions, 25 per batch, retrying unprocessed items. All are validated before any is sent. */
  putMany(questions: readonly QuestionInput[]): Promise<Question[]>;
}

/** Creates the {@link QuestionRepository}. */
export function createQuestionRepository(options: QuestionRepositoryOptions): QuestionRepository {
  const tableName = options.tableName ?? resolveTableNames().questions;
  const parseQuestion = (item: Record<string, unknown>) =>
    parseStoredItem(questionSchema, item, { tableName, key: { question_id: item.question_id } });

  return bindRepositoryCalls<QuestionRepository>('questions', options, (sender) => ({
    async get(questionId) {
      // Every stored question id passed core's schema: another one names no question, and is not sent.
      if (!identifierSchema.safeParse(questionId).success) return undefined;
      const output = await sender.get(
        { operation: 'questions.get', tableName, key: { question_id: questionId } },
        buildGetQuestionRequest(tableName, questionId),
      );
      return output.Item ? parseQuestion(output.Item) : undefined;
    },

    async listByType(assessmentType) {
      const type = parseInput(assessmentTypeSchema, assessmentType, { tableName });
      const items = await queryAll(
        sender,
        { operation: 'questions.listByType', tableName, key: { assessment_type: type } },
        buildQuestionsByTypeQuery(tableName, type),
      );
      return items.map(parseQuestion);
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
  }));
}
