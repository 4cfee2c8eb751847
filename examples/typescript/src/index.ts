// Proves the published type declarations hold up in a stranger's strict project: `tsc` checks them
// (skipLibCheck off) under node16 and bundler resolution, without the optional peers installed (no
// Bedrock or Gemini SDK, no dynalite), so a declaration importing one of them fails with TS2307.
// `expectType` compiles only for the exact type (an `any` is not it), and each `@ts-expect-error`
// marks a call the types must refuse: were a type `any`, the directive would go unused and tsc
// would fail. Nothing here runs; the function is only type-checked.
import {
  createOfflineWritingScorer,
  createWritingEvaluator,
  loadEnglishLexicon,
  type WritingEvaluator,
  type WritingEvaluatorOptions,
} from '@ielts-genai-prep/ai-evaluators';
import {
  measurePromptRelevance,
  normalizeStoredText,
  OFF_TOPIC_THRESHOLDS,
  type PromptRelevance,
} from '@ielts-genai-prep/ai-evaluators/offline-fit';
import { ApiClientError, type ApiClientErrorCode, createApiClient, type EndpointResult } from '@ielts-genai-prep/api-client';
import { type ApiContract, type AssessmentResult, type AssessmentType, assessmentTypeSchema, type User } from '@ielts-genai-prep/core';
import { type Band, overallBand, rawScoreToBand, type SkillBands } from '@ielts-genai-prep/core/rules';
import { createRepositories, type Repositories } from '@ielts-genai-prep/dal-dynamodb';
import { type EmbeddedDynamo, startEmbeddedDynamo } from '@ielts-genai-prep/dal-dynamodb/local';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** True only when `Actual` and `Expected` are the same type; `any` equals no other type. */
type Equal<Actual, Expected> = (<T>() => T extends Actual ? 1 : 2) extends <T>() => T extends Expected ? 1 : 2 ? true : false;
/** Compiles only when the value's type is exactly `Expected`: `expectType<Expected>()(value)`. */
const expectType =
  <Expected>() =>
  <Actual>(_value: Actual, ..._proof: Equal<Actual, Expected> extends true ? [] : [never]): void => {};

export async function typeCheckOnly(): Promise<void> {
  // core: schemas and the zod-free rules.
  expectType<AssessmentType>()(assessmentTypeSchema.parse('writing_task2'));
  // @ts-expect-error there is no writing task 3
  'writing_task3' satisfies AssessmentType;
  const bands = { listening: 6.5, reading: 6.5, writing: 5, speaking: 7 } satisfies SkillBands;
  expectType<Band>()(overallBand(bands));
  // @ts-expect-error a band is a number, not a string
  overallBand({ ...bands, speaking: '7' });
  // @ts-expect-error every skill is needed
  overallBand({ listening: 6.5, reading: 6.5, writing: 5 });
  expectType<Band>()(rawScoreToBand('listening', 30));
  // @ts-expect-error writing has no raw-score table
  rawScoreToBand('writing', 30);

  // api-client: results typed from core's contract, errors with a closed set of codes.
  const client = createApiClient({ baseUrl: 'https://api.example.com', retry: { limit: 1 }, credentials: 'include' });
  const health = await client.health.check();
  expectType<EndpointResult<ApiContract['health']['check']>>()(health);
  expectType<'ok'>()(health.status);
  const page = await client.assessments.list({ limit: 10 });
  expectType<number | null>()(page.items[0].overall_band);
  // @ts-expect-error misspelled query parameter
  await client.assessments.list({ cursour: 'next' });
  // @ts-expect-error misspelled client option
  createApiClient({ baseURL: 'https://api.example.com' });
  try {
    await client.auth.me();
  } catch (error) {
    if (ApiClientError.isInstance(error)) {
      expectType<ApiClientErrorCode>()(error.code);
      console.log(error.code === 'unauthorized' || error.code === 'timeout');
      // @ts-expect-error not one of the codes
      console.log(error.code === 'unauthorised');
    }
  }

  // dal-dynamodb: the repositories on the caller's own AWS SDK clients, and the embedded store.
  const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1' }));
  const repositories = createRepositories({ documentClient, cursorSecret: 'a-secret-of-32-characters-or-so', prefix: 'dev-' });
  expectType<Repositories>()(repositories);
  expectType<User | undefined>()(await repositories.users.get('ada@example.com'));
  // @ts-expect-error the cursor secret is required
  createRepositories({ documentClient });
  const dynamo = await startEmbeddedDynamo({ createTables: true, prefix: 'test-' });
  expectType<EmbeddedDynamo>()(dynamo);
  // @ts-expect-error misspelled option
  await startEmbeddedDynamo({ createTable: true });
  await dynamo.close();

  // ai-evaluators: the offline scorer's result is core's AssessmentResult.
  const scorer = createOfflineWritingScorer();
  const result = await scorer.evaluate({ assessmentType: 'writing_task2', essay: 'Some people believe…' });
  expectType<AssessmentResult>()(result);
  expectType<Band | null | undefined>()(result.criteria_scores.task_response?.band);
  // @ts-expect-error the offline writing scorer does not score speaking
  await scorer.evaluate({ assessmentType: 'speaking', essay: 'Well, I think…' });

  // The Bedrock evaluator's options are typed without @aws-sdk/client-bedrock-runtime installed:
  // anything with a `send` fits (a BedrockRuntimeClient in a real app).
  const options = {
    bedrock: { send: async () => ({}) },
    modelId: 'amazon.nova-micro-v1:0',
    divergenceThreshold: 1.5,
  } satisfies WritingEvaluatorOptions;
  const evaluator = createWritingEvaluator(options);
  expectType<WritingEvaluator>()(evaluator);
  expectType<AssessmentResult>()(await evaluator.evaluate({ assessmentType: 'writing_task1_academic', prompt: 'Describe…', essay: '…' }));
  // @ts-expect-error misspelled option
  createWritingEvaluator({ ...options, modelID: 'amazon.nova-lite-v1:0' });
  // @ts-expect-error the Bedrock client needs a send method
  createWritingEvaluator({ bedrock: {} });

  // ai-evaluators/offline-fit: the text measures.
  expectType<string>()(normalizeStoredText('end.Next sentence'));
  expectType<number>()(OFF_TOPIC_THRESHOLDS.task2);
  // @ts-expect-error there is no task 3
  console.log(OFF_TOPIC_THRESHOLDS.task3);
  const lexicon = await loadEnglishLexicon();
  expectType<PromptRelevance>()(measurePromptRelevance({ essay: 'Children learn…', prompt: 'Should children…', lexicon }));
}
