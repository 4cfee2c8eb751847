import type { PutCommandInput, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { assessmentTypeSchema, rubricSchema, type AssessmentType, type Rubric } from '@ielts-genai-prep/core';
import type * as z from 'zod';
import { buildIndexQuery } from './index-query.js';
import { assertItemSize } from './item-size.js';
import { bindRepositoryCalls, type RepositoryOptions } from './request-sender.js';
import { parseInput, parseStoredItem, withoutUndefined } from './schema-boundary.js';
import { ASSESSMENT_TYPE_INDEX, resolveTableNames } from './table-definitions.js';

/** A rubric to store: {@link Rubric} before defaults are applied. */
export type RubricInput = z.input<typeof rubricSchema>;

/** PutItem for a rubric (replacing one with the same id). Pure. */
export function buildPutRubricRequest(tableName: string, rubric: Rubric): PutCommandInput {
  return { TableName: tableName, Item: withoutUndefined({ ...rubric }) };
}

/** Query of the newest rubric edition of a type: the GSI sorts by `version`, read backwards, one item. Pure. */
export function buildRubricByTypeQuery(tableName: string, assessmentType: AssessmentType): QueryCommandInput {
  return buildIndexQuery({
    tableName,
    indexName: ASSESSMENT_TYPE_INDEX,
    partitionKey: 'assessment_type',
    partitionValue: assessmentType,
    order: 'descending',
    limit: 1,
  });
}

/** Options for {@link createRubricRepository}. */
export interface RubricRepositoryOptions extends RepositoryOptions {
  /** Physical table name. Default `ielts-assessment-rubrics`. */
  tableName?: string;
}

/** The rubrics table. */
export interface RubricRepository {
  /** The rubric of a type (its newest `version` when there are several), or undefined. */
  getByType(assessmentType: AssessmentType): Promise<Rubric | undefined>;
  /** Stores or replaces a rubric. */
  put(input: RubricInput): Promise<Rubric>;
}

/** Creates the {@link RubricRepository}. */
export function createRubricRepository(options: RubricRepositoryOptions): RubricRepository {
  const tableName = options.tableName ?? resolveTableNames().rubrics;

  return bindRepositoryCalls<RubricRepository>('rubrics', options, (sender) => ({
    async getByType(assessmentType) {
      const type = parseInput(assessmentTypeSchema, assessmentType, { tableName });
      const output = await sender.query(
        { operation: 'rubrics.getByType', tableName, key: { assessment_type: type } },
        buildRubricByTypeQuery(tableName, type),
      );
      const item = output.Items?.[0];
      return item ? parseStoredItem(rubricSchema, item, { tableName, key: { rubric_id: item.rubric_id } }) : undefined;
    },

    async put(input) {
      const rubric = parseInput(rubricSchema, input, { tableName, key: { rubric_id: (input as { rubric_id?: unknown }).rubric_id } });
      const request = buildPutRubricRequest(tableName, rubric);
      assertItemSize(request.Item!, tableName, { rubric_id: rubric.rubric_id });
      await sender.put({ operation: 'rubrics.put', tableName, key: { rubric_id: rubric.rubric_id } }, request);
      return rubric;
    },
  }));
}
