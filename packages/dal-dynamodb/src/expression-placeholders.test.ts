import {
  aiSafetyLogSchema,
  assessmentResultSchema,
  assessmentSchema,
  contentReportSchema,
  purchaseSchema,
  questionSchema,
  rubricSchema,
  sessionSchema,
  userSchema,
} from '@ielts-genai-prep/core';
import { describe, expect, it } from 'vitest';
import * as dal from './request-builders.js';
import {
  contentReportInput,
  purchaseInput,
  questionInput,
  rubricInput,
  safetyLogInput,
  sessionInput,
  startedAssessmentInput,
  userInput,
  writingTask2Result,
} from './test-support/fixtures.js';

const user = userSchema.parse(userInput());
const session = sessionSchema.parse(sessionInput());
const assessment = assessmentSchema.parse(startedAssessmentInput({ idempotency_key: 'key-12345678' }));
const startKey = { assessment_id: 'a', user_email: 'ada@example.com', timestamp: '2026-11-25T10:00:00.000Z' };

/** Sample arguments for every exported request builder: a builder missing here fails the test. */
const samples: Record<string, () => unknown> = {
  buildIndexQuery: () =>
    dal.buildIndexQuery({ tableName: 't', indexName: 'i', partitionKey: 'status', partitionValue: 'open', projection: ['data', 'name'] }),
  buildPutIfAbsentRequest: () => dal.buildPutIfAbsentRequest('t', { name: 'x', data: 1 }, 'name'),
  buildCreateUserRequest: () => dal.buildCreateUserRequest('t', user),
  buildGetUserRequest: () => dal.buildGetUserRequest('t', user.email),
  buildUpdateUserRequest: () =>
    dal.buildUpdateUserRequest(
      't',
      user.email,
      { display_name: 'Ada', email_verified: true, password_hash: 'h', preferences: { locale: 'fr', target_band: 7 } },
      3,
    ),
  buildAddPurchaseRequest: () => dal.buildAddPurchaseRequest('t', user.email, purchaseSchema.parse(purchaseInput())),
  buildRecordLoginRequest: () => dal.buildRecordLoginRequest('t', user.email, '2026-11-25T10:00:00.000Z'),
  buildConsumeAllowanceRequest: () => dal.buildConsumeAllowanceRequest('t', user.email, 'speaking', 3, 1_000),
  buildReconcileAllowanceRequest: () => dal.buildReconcileAllowanceRequest('t', user.email, 'speaking', 2, 1_000),
  buildGetAllowanceUsageRequest: () => dal.buildGetAllowanceUsageRequest('t', user.email),
  buildInitializeAllowanceRequest: () => dal.buildInitializeAllowanceRequest('t', user.email, { speaking: 2, writing_task2: 0 }),
  buildReleaseAllowanceRequest: () => dal.buildReleaseAllowanceRequest('t', user.email, 'speaking'),
  buildCreateSessionRequest: () => dal.buildCreateSessionRequest('t', session),
  buildGetSessionRequest: () => dal.buildGetSessionRequest('t', session.session_id),
  buildTouchSessionRequest: () => dal.buildTouchSessionRequest('t', session.session_id, 1000, 4600),
  buildDeleteSessionRequest: () => dal.buildDeleteSessionRequest('t', session.session_id),
  buildConsumeSessionRequest: () => dal.buildConsumeSessionRequest('t', session.session_id, 1000),
  buildUserSessionsQuery: () => dal.buildUserSessionsQuery('t', user.email, true),
  buildPutAssessmentRequest: () => dal.buildPutAssessmentRequest('t', assessment),
  buildPutIdempotencyMarkerRequest: () =>
    dal.buildPutIdempotencyMarkerRequest(
      't',
      {
        userEmail: assessment.user_email,
        scope: 'writing.evaluate',
        idempotencyKey: 'key-12345678',
        fingerprint: 'f',
        targetAssessmentId: assessment.assessment_id,
      },
      '2026-11-25T10:00:00.000Z',
    ),
  buildDeleteIdempotencyMarkerRequest: () =>
    dal.buildDeleteIdempotencyMarkerRequest('t', 'idempotency#x', assessment.assessment_id, '2026-11-25T10:00:00.000Z'),
  buildGetAssessmentRequest: () => dal.buildGetAssessmentRequest('t', assessment.assessment_id),
  buildUserAssessmentsQuery: () => dal.buildUserAssessmentsQuery('t', user.email, 21, startKey),
  buildCompleteAssessmentRequest: () =>
    dal.buildCompleteAssessmentRequest(
      't',
      assessment.assessment_id,
      assessmentResultSchema.parse(writingTask2Result()),
      '2026-11-25T10:20:00.000Z',
      0,
    ),
  buildUpdateProgressRequest: () =>
    dal.buildUpdateProgressRequest('t', assessment.assessment_id, { speaking_session: { part: 1 }, submission: { turns: [] } }, 2),
  buildUserAssessmentTypesQuery: () => dal.buildUserAssessmentTypesQuery('t', user.email, startKey),
  buildGetQuestionRequest: () => dal.buildGetQuestionRequest('t', 'q-1'),
  buildQuestionsByTypeQuery: () => dal.buildQuestionsByTypeQuery('t', questionSchema.parse(questionInput()).assessment_type),
  buildPutRubricRequest: () => dal.buildPutRubricRequest('t', rubricSchema.parse(rubricInput())),
  buildRubricByTypeQuery: () => dal.buildRubricByTypeQuery('t', 'writing_task2'),
  buildCreateContentReportRequest: () => dal.buildCreateContentReportRequest('t', contentReportSchema.parse(contentReportInput())),
  buildReportsByStatusQuery: () => dal.buildReportsByStatusQuery('t', 'open', 11, { report_id: 'r', status: 'open', created_at: 'x' }),
  buildUpdateReportStatusRequest: () =>
    dal.buildUpdateReportStatusRequest('t', 'r-1', {
      status: 'resolved',
      resolutionNote: 'ok',
      updatedAt: '2026-11-25T10:00:00.000Z',
      expectedVersion: 0,
    }),
  buildAppendSafetyLogRequest: () => dal.buildAppendSafetyLogRequest('t', aiSafetyLogSchema.parse(safetyLogInput())),
  buildSafetyLogsByAssessmentQuery: () => dal.buildSafetyLogsByAssessmentQuery('t', assessment.assessment_id),
  buildCountRateLimitRequest: () => dal.buildCountRateLimitRequest('t', 'login-account:ada@example.com', 10, 900, 1_000),
  buildStartRateLimitWindowRequest: () => dal.buildStartRateLimitWindowRequest('t', 'login-account:ada@example.com', 900, 1_000),
  buildReleaseRateLimitRequest: () => dal.buildReleaseRateLimitRequest('t', 'login-account:ada@example.com', 1_000),
  buildGetRateLimitRequest: () => dal.buildGetRateLimitRequest('t', 'login-account:ada@example.com'),
  buildDeleteRateLimitRequest: () => dal.buildDeleteRateLimitRequest('t', 'login-account:ada@example.com'),
  buildEnqueueOutboxRequest: () => dal.buildEnqueueOutboxRequest('t', { message_id: 'm-1', status: 'pending', next_attempt_at: 1_000 }),
  buildReleaseOutboxRequest: () => dal.buildReleaseOutboxRequest('t', 'm-1', 1_000),
  buildDueOutboxQuery: () => dal.buildDueOutboxQuery('t', 1_000, 10),
  buildClaimOutboxRequest: () =>
    dal.buildClaimOutboxRequest('t', 'm-1', { leaseId: 'l-1', owner: 'instance-a', nowMs: 1_000, endsAtMs: 61_000 }),
  buildSettleOutboxRequest: () => dal.buildSettleOutboxRequest('t', 'm-1', 'l-1', { status: 'sent', next_attempt_at: 2_000 }),
  buildGetOutboxRequest: () => dal.buildGetOutboxRequest('t', 'm-1'),
  buildDeadOutboxQuery: () => dal.buildDeadOutboxQuery('t', 50),
};

// The words DynamoDB's expression grammar has; every other word must be a `#name` placeholder.
const grammar = new Set([
  'SET',
  'ADD',
  'REMOVE',
  'DELETE',
  'AND',
  'OR',
  'NOT',
  'BETWEEN',
  'IN',
  'attribute_exists',
  'attribute_not_exists',
  'attribute_type',
  'begins_with',
  'contains',
  'size',
  'if_not_exists',
  'list_append',
]);
const expressionFields = [
  'UpdateExpression',
  'ConditionExpression',
  'KeyConditionExpression',
  'ProjectionExpression',
  'FilterExpression',
] as const;

describe('every request builder', () => {
  const builders = Object.keys(dal).filter((name) => /^build\w+(Request|Query)$/.test(name));

  it('has a sample here', () => {
    expect(builders.length).toBeGreaterThan(30);
    expect(builders.filter((name) => !(name in samples))).toEqual([]);
  });

  it.each(Object.keys(samples))('%s names every attribute through a placeholder, and defines exactly the placeholders it uses', (name) => {
    const request = samples[name]!() as Record<string, unknown>;
    const text = expressionFields
      .map((field) => request[field])
      .filter((value): value is string => typeof value === 'string')
      .join(' ');
    const bareWords = text.replace(/[#:][A-Za-z0-9_]+/g, ' ').match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
    expect(bareWords.filter((word) => !grammar.has(word))).toEqual([]);
    // DynamoDB refuses a request that defines a placeholder it does not use, or uses one it does not define.
    const used = (sigil: string) => [...new Set(text.match(new RegExp(`${sigil}[A-Za-z0-9_]+`, 'g')) ?? [])].sort();
    expect(used('#')).toEqual(Object.keys((request.ExpressionAttributeNames as object | undefined) ?? {}).sort());
    expect(used(':')).toEqual(Object.keys((request.ExpressionAttributeValues as object | undefined) ?? {}).sort());
  });
});
