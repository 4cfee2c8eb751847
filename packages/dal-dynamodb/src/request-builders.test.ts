import { CRITERION_IDS, userSchema } from '@ielts-genai-prep/core';
import { describe, expect, it } from 'vitest';
import {
  buildConsumeAllowanceRequest,
  buildGetAllowanceUsageRequest,
  buildInitializeAllowanceRequest,
  buildReconcileAllowanceRequest,
  buildReleaseAllowanceRequest,
  readAllowanceUsage,
} from './allowance-usage.js';
import {
  buildCompleteAssessmentRequest,
  buildUpdateProgressRequest,
  buildUserAssessmentTypesQuery,
  buildUserAssessmentsQuery,
  idempotencyMarkerId,
} from './assessment-repository.js';
import { DalError } from './errors.js';
import { buildBatchWriteInputs } from './batch-operations.js';
import { buildUpdateReportStatusRequest } from './content-report-repository.js';
import { createExpressionBuilder, versionCondition } from './expressions.js';
import {
  buildCountRateLimitRequest,
  buildReleaseRateLimitRequest,
  buildStartRateLimitWindowRequest,
  secondsUntil,
} from './rate-limit-repository.js';
import { buildClaimOutboxRequest, buildDueOutboxQuery, buildReleaseOutboxRequest, buildSettleOutboxRequest } from './outbox-repository.js';
import { buildConsumeSessionRequest, buildTouchSessionRequest, isSessionExpired } from './session-repository.js';
import { writingTask2Result } from './test-support/fixtures.js';
import { buildAddPurchaseRequest, buildCreateUserRequest, buildUpdateUserRequest } from './user-repository.js';

describe('expression builder', () => {
  it('uses placeholders for every name and value, reusing a name placeholder', () => {
    const builder = createExpressionBuilder();
    expect(builder.name('status')).toBe('#n0');
    expect(builder.name('status')).toBe('#n0');
    expect(builder.path('preferences', 'locale')).toBe('#n1.#n2');
    expect(builder.value('open')).toBe(':v0');
    expect(builder.attributes()).toEqual({
      ExpressionAttributeNames: { '#n0': 'status', '#n1': 'preferences', '#n2': 'locale' },
      ExpressionAttributeValues: { ':v0': 'open' },
    });
    expect(createExpressionBuilder().attributes()).toEqual({});
  });

  it('treats a missing version as 0', () => {
    const builder = createExpressionBuilder();
    expect(versionCondition(builder, 0)).toBe('(attribute_not_exists(#n0) OR #n0 = :v0)');
    expect(versionCondition(builder, 3)).toBe('#n0 = :v1');
  });
});

describe('users requests', () => {
  const user = userSchema.parse({
    email: 'ada@example.com',
    user_id: '0b6f4a52-3f9e-4c21-9a57-6f1e2d3c4b5a',
    created_at: '2026-11-25T10:00:00.000Z',
    password_hash: 'hash',
  });

  it('creates only when the email is free', () => {
    const request = buildCreateUserRequest('users', user);
    expect(request.ConditionExpression).toBe('attribute_not_exists(#n0)');
    expect(request.ExpressionAttributeNames).toEqual({ '#n0': 'email' });
    expect(request.Item).toMatchObject({ email: 'ada@example.com', version: 0, purchases: [] });
    expect(request.Item).not.toHaveProperty('purchase_ids');
    // A new user has used nothing: every counter starts at 0, so none is ever counted from history.
    expect(request.Item).toMatchObject({ allowance_used_writing_task2: 0, allowance_used_speaking: 0, allowance_used_listening: 0 });
    expect(Object.keys(request.Item!).filter((name) => name.startsWith('allowance_used_'))).toHaveLength(7);
  });

  it('updates listed fields and preference keys under a version condition', () => {
    expect(buildUpdateUserRequest('users', 'ada@example.com', { display_name: 'Ada', preferences: { locale: 'fr' } }, 4)).toEqual({
      TableName: 'users',
      Key: { email: 'ada@example.com' },
      UpdateExpression: 'SET #n0 = :v0, #n1.#n2 = :v1, #n3 = :v2',
      ConditionExpression: 'attribute_exists(#n4) AND #n3 = :v3',
      ExpressionAttributeNames: { '#n0': 'display_name', '#n1': 'preferences', '#n2': 'locale', '#n3': 'version', '#n4': 'email' },
      ExpressionAttributeValues: { ':v0': 'Ada', ':v1': 'fr', ':v2': 5, ':v3': 4 },
      ReturnValues: 'ALL_NEW',
    });
  });

  it('adds a purchase in one request guarded by its id', () => {
    const request = buildAddPurchaseRequest('users', 'ada@example.com', {
      purchase_id: 'txn-1',
      product_id: 'pack',
      assessment_types: ['writing_task2'],
      assessments: 4,
      purchased_at: '2026-11-25T10:00:00.000Z',
      expires_at: null,
      source: 'web',
    });
    expect(request.UpdateExpression).toBe('SET #n0 = list_append(if_not_exists(#n0, :v0), :v1) ADD #n1 :v2');
    expect(request.ConditionExpression).toBe('attribute_exists(#n2) AND NOT contains(#n1, :v3)');
    expect(request.ExpressionAttributeValues?.[':v2']).toEqual(new Set(['txn-1']));
  });
});

describe('sessions requests', () => {
  it('touch only a live session, within its absolute expiry', () => {
    expect(buildTouchSessionRequest('sessions', 'abc', 1000, 4600)).toEqual({
      TableName: 'sessions',
      Key: { session_id: 'abc' },
      UpdateExpression: 'SET #n2 = :v0, #n0 = :v1',
      ConditionExpression: 'attribute_exists(#n3) AND #n0 > :v0 AND #n1 > :v0 AND #n1 >= :v1',
      ReturnValues: 'ALL_NEW',
      ExpressionAttributeNames: { '#n0': 'expires_at', '#n1': 'absolute_expires_at', '#n2': 'last_seen_at', '#n3': 'session_id' },
      ExpressionAttributeValues: { ':v0': 1000, ':v1': 4600 },
    });
  });

  it('consume only a live session, returning the deleted item', () => {
    expect(buildConsumeSessionRequest('sessions', 'abc', 1000)).toEqual({
      TableName: 'sessions',
      Key: { session_id: 'abc' },
      ConditionExpression: 'attribute_exists(#n0) AND #n1 > :v0 AND #n2 > :v0',
      ReturnValues: 'ALL_OLD',
      ExpressionAttributeNames: { '#n0': 'session_id', '#n1': 'expires_at', '#n2': 'absolute_expires_at' },
      ExpressionAttributeValues: { ':v0': 1000 },
    });
  });

  it('call a session expired at its expiry second', () => {
    expect(isSessionExpired({ expires_at: 100, absolute_expires_at: 200 }, 99)).toBe(false);
    expect(isSessionExpired({ expires_at: 100, absolute_expires_at: 200 }, 100)).toBe(true);
    expect(isSessionExpired({ expires_at: 300, absolute_expires_at: 200 }, 200)).toBe(true);
  });
});

describe('assessments requests', () => {
  it("query a user's history newest first through the GSI, reading only a row's fields", () => {
    const query = buildUserAssessmentsQuery('assessments', 'ada@example.com', 21, { assessment_id: 'a' });
    expect(query).toMatchObject({
      TableName: 'assessments',
      IndexName: 'user-email-index',
      KeyConditionExpression: '#n0 = :v0',
      ScanIndexForward: false,
      Limit: 21,
      ExclusiveStartKey: { assessment_id: 'a' },
      ExpressionAttributeValues: { ':v0': 'ada@example.com' },
    });
    const names = query.ExpressionAttributeNames ?? {};
    const paths = String(query.ProjectionExpression)
      .split(', ')
      .map((path) =>
        path
          .split('.')
          .map((placeholder) => names[placeholder])
          .join('.'),
      );
    expect(paths).toEqual([
      'assessment_id',
      'assessment_type',
      'user_email',
      'question_id',
      'timestamp',
      'completed_at',
      'completed',
      'overall_band',
      'flags',
      ...CRITERION_IDS.map((criterion) => `criteria_scores.${criterion}.band`),
    ]);
  });

  it('complete an assessment of the same type, bumping the version', () => {
    const result = {
      ...writingTask2Result(),
      inline_corrections: [],
      raw_score: null,
      question_results: [],
      flags: [],
      review: { required: false, reasons: [] },
    };
    const request = buildCompleteAssessmentRequest('assessments', 'asm-1', result as never, '2026-11-25T10:20:00.000Z', 2);
    expect(request.UpdateExpression).toContain('if_not_exists(');
    expect(request.ConditionExpression).toMatch(/^attribute_exists\(#n\d+\) AND #n\d+ = :v\d+ AND #n\d+ = :v\d+$/);
    const names = Object.values(request.ExpressionAttributeNames ?? {});
    expect(names).toEqual(
      expect.arrayContaining(['overall_band', 'criteria_scores', 'completed', 'completed_at', 'version', 'assessment_type']),
    );
    // The type is a condition, never overwritten.
    expect(request.UpdateExpression).not.toMatch(
      new RegExp(`${Object.entries(request.ExpressionAttributeNames ?? {}).find(([, name]) => name === 'assessment_type')?.[0]} =`),
    );
  });

  it('replace the progress fields given, only for an unfinished assessment at the expected version', () => {
    expect(buildUpdateProgressRequest('assessments', 'asm-1', { speaking_session: { part: 2 }, submission: { turns: [] } }, 3)).toEqual({
      TableName: 'assessments',
      Key: { assessment_id: 'asm-1' },
      UpdateExpression: 'SET #n0 = :v0, #n1 = :v1, #n2 = :v2',
      ConditionExpression: 'attribute_exists(#n3) AND #n4 = :v3 AND #n2 = :v4',
      ReturnValues: 'ALL_NEW',
      ExpressionAttributeNames: {
        '#n0': 'speaking_session',
        '#n1': 'submission',
        '#n2': 'version',
        '#n3': 'assessment_id',
        '#n4': 'completed',
      },
      ExpressionAttributeValues: { ':v0': { part: 2 }, ':v1': { turns: [] }, ':v2': 4, ':v3': false, ':v4': 3 },
    });
    // Only the fields given are written; version 0 also matches an item stored without one.
    const onlySubmission = buildUpdateProgressRequest('assessments', 'asm-1', { submission: { turns: [1] } }, 0);
    expect(onlySubmission.UpdateExpression).toBe('SET #n0 = :v0, #n1 = :v1');
    expect(onlySubmission.ExpressionAttributeNames).toEqual({
      '#n0': 'submission',
      '#n1': 'version',
      '#n2': 'assessment_id',
      '#n3': 'completed',
    });
    expect(onlySubmission.ConditionExpression).toBe('attribute_exists(#n2) AND #n3 = :v2 AND (attribute_not_exists(#n1) OR #n1 = :v3)');
  });

  it("count a user's assessments by reading only their type and whether each is completed, through the GSI", () => {
    expect(buildUserAssessmentTypesQuery('assessments', 'ada@example.com', { assessment_id: 'a' })).toEqual({
      TableName: 'assessments',
      IndexName: 'user-email-index',
      KeyConditionExpression: '#n0 = :v0',
      ProjectionExpression: '#n1, #n2',
      ExclusiveStartKey: { assessment_id: 'a' },
      ExpressionAttributeNames: { '#n0': 'user_email', '#n1': 'assessment_type', '#n2': 'completed' },
      ExpressionAttributeValues: { ':v0': 'ada@example.com' },
    });
    expect(buildUserAssessmentTypesQuery('assessments', 'ada@example.com', undefined)).not.toHaveProperty('ExclusiveStartKey');
  });

  it('derive idempotency marker ids that no assessment id can equal', () => {
    const id = idempotencyMarkerId('ada@example.com', 'key-12345678');
    expect(id).toMatch(/^idempotency#[A-Za-z0-9_-]{43}$/);
    expect(idempotencyMarkerId('eve@example.com', 'key-12345678')).not.toBe(id);
  });
});

describe('allowance requests', () => {
  it('count one assessment only below the limit, in one atomic request', () => {
    expect(buildConsumeAllowanceRequest('users', 'ada@example.com', 'writing_task2', 5, 1_000)).toEqual({
      TableName: 'users',
      Key: { email: 'ada@example.com' },
      UpdateExpression: 'ADD #n0 :v0 SET #n1 = :v1',
      ConditionExpression: 'attribute_exists(#n2) AND #n0 < :v2',
      ReturnValues: 'UPDATED_NEW',
      ExpressionAttributeNames: { '#n0': 'allowance_used_writing_task2', '#n1': 'allowance_counted_at_writing_task2', '#n2': 'email' },
      ExpressionAttributeValues: { ':v0': 1, ':v1': 1_000, ':v2': 5 },
    });
  });

  it('reconcile a counter down to what is stored only when it is above it and its last count has settled', () => {
    expect(buildReconcileAllowanceRequest('users', 'ada@example.com', 'speaking', 2, 1_000)).toEqual({
      TableName: 'users',
      Key: { email: 'ada@example.com' },
      UpdateExpression: 'SET #n0 = :v0',
      ConditionExpression: '#n0 > :v0 AND (attribute_not_exists(#n1) OR #n1 < :v1)',
      ReturnValues: 'UPDATED_NEW',
      ExpressionAttributeNames: { '#n0': 'allowance_used_speaking', '#n1': 'allowance_counted_at_speaking' },
      ExpressionAttributeValues: { ':v0': 2, ':v1': 1_000 },
    });
  });

  it('initialize counters only where there are none, and release never below zero', () => {
    expect(buildInitializeAllowanceRequest('users', 'ada@example.com', { speaking: 7, listening: 0 })).toEqual({
      TableName: 'users',
      Key: { email: 'ada@example.com' },
      UpdateExpression: 'SET #n0 = if_not_exists(#n0, :v0), #n1 = if_not_exists(#n1, :v1)',
      ConditionExpression: 'attribute_exists(#n2)',
      ReturnValues: 'ALL_NEW',
      ExpressionAttributeNames: { '#n0': 'allowance_used_speaking', '#n1': 'allowance_used_listening', '#n2': 'email' },
      ExpressionAttributeValues: { ':v0': 7, ':v1': 0 },
    });
    expect(buildReleaseAllowanceRequest('users', 'ada@example.com', 'speaking')).toEqual({
      TableName: 'users',
      Key: { email: 'ada@example.com' },
      UpdateExpression: 'ADD #n0 :v0',
      ConditionExpression: '#n0 > :v1',
      ReturnValues: 'UPDATED_NEW',
      ExpressionAttributeNames: { '#n0': 'allowance_used_speaking' },
      ExpressionAttributeValues: { ':v0': -1, ':v1': 0 },
    });
  });

  it('read only the key and the seven counters, and refuse a malformed counter', () => {
    const request = buildGetAllowanceUsageRequest('users', 'ada@example.com');
    expect(request.ConsistentRead).toBe(true);
    expect(Object.values(request.ExpressionAttributeNames ?? {})).toHaveLength(8);
    expect(request.ProjectionExpression).toBe('#n0, #n1, #n2, #n3, #n4, #n5, #n6, #n7');
    const context = { tableName: 'users', key: { email: 'ada@example.com' } };
    expect(readAllowanceUsage({ email: 'ada@example.com', allowance_used_listening: 2, allowance_used_speaking: 0 }, context)).toEqual({
      listening: 2,
      speaking: 0,
    });
    let error: unknown;
    try {
      readAllowanceUsage({ email: 'ada@example.com', allowance_used_listening: 'two' }, context);
    } catch (caught) {
      error = caught;
    }
    expect(DalError.isInstance(error, 'invalid_item')).toBe(true);
  });
});

describe('rate limit requests', () => {
  it('count a use of a new key, starting its window, or within a live window that is not full', () => {
    const request = buildCountRateLimitRequest('limits', 'login-account:ada@example.com', 10, 900, 1_000_000_500);
    expect(request).toEqual({
      TableName: 'limits',
      Key: { limit_key: 'login-account:ada@example.com' },
      UpdateExpression: 'SET #n0 = if_not_exists(#n0, :v0) + :v1, #n1 = if_not_exists(#n1, :v2), #n2 = if_not_exists(#n2, :v3)',
      ConditionExpression: 'attribute_not_exists(#n3) OR (#n1 > :v4 AND #n0 < :v5)',
      ExpressionAttributeNames: { '#n0': 'used', '#n1': 'window_ends_at', '#n2': 'expires_at', '#n3': 'limit_key' },
      // The window ends in milliseconds; TTL rounds up to the next whole second, never before the end.
      ExpressionAttributeValues: { ':v0': 0, ':v1': 1, ':v2': 1_000_900_500, ':v3': 1_000_901, ':v4': 1_000_000_500, ':v5': 10 },
      ReturnValues: 'ALL_NEW',
    });
  });

  it('start a window only where none is live, with TTL in epoch seconds after its end', () => {
    expect(buildStartRateLimitWindowRequest('limits', 'k', 900, 1_000_000_500)).toEqual({
      TableName: 'limits',
      Key: { limit_key: 'k' },
      UpdateExpression: 'SET #n0 = :v0, #n1 = :v1, #n2 = :v2',
      ConditionExpression: 'attribute_not_exists(#n3) OR #n1 <= :v3',
      ReturnValues: 'ALL_NEW',
      ExpressionAttributeNames: { '#n0': 'used', '#n1': 'window_ends_at', '#n2': 'expires_at', '#n3': 'limit_key' },
      ExpressionAttributeValues: { ':v0': 1, ':v1': 1_000_900_500, ':v2': 1_000_901, ':v3': 1_000_000_500 },
    });
  });

  it('release within a live window and never below zero, and round waits up to whole seconds', () => {
    expect(buildReleaseRateLimitRequest('limits', 'k', 5)).toEqual({
      TableName: 'limits',
      Key: { limit_key: 'k' },
      UpdateExpression: 'ADD #n0 :v0',
      ConditionExpression: '#n1 > :v1 AND #n0 > :v2',
      ReturnValues: 'ALL_NEW',
      ExpressionAttributeNames: { '#n0': 'used', '#n1': 'window_ends_at' },
      ExpressionAttributeValues: { ':v0': -1, ':v1': 5, ':v2': 0 },
    });
    expect(secondsUntil(60_000, 3_000)).toBe(57);
    expect(secondsUntil(60_000, 59_999)).toBe(1);
    expect(secondsUntil(60_000, 60_000)).toBe(1);
    expect(secondsUntil(60_001, 0)).toBe(61);
  });
});

describe('outbox requests', () => {
  it('claim only a pending message that is due, counting an attempt and moving it to the lease’s end', () => {
    expect(buildClaimOutboxRequest('outbox', 'm-1', { leaseId: 'l-1', owner: 'a', nowMs: 1_000, endsAtMs: 61_000 })).toEqual({
      TableName: 'outbox',
      Key: { message_id: 'm-1' },
      UpdateExpression: 'SET #n0 = :v0, #n1 = #n1 + :v1, #n2 = :v2, #n3 = :v3',
      ConditionExpression: '#n4 = :v4 AND #n0 <= :v5',
      ExpressionAttributeNames: { '#n0': 'next_attempt_at', '#n1': 'attempts', '#n2': 'lease_id', '#n3': 'lease_owner', '#n4': 'status' },
      ExpressionAttributeValues: { ':v0': 61_000, ':v1': 1, ':v2': 'l-1', ':v3': 'a', ':v4': 'pending', ':v5': 1_000 },
      ReturnValues: 'ALL_NEW',
    });
  });

  it('settle only under the lease that holds the message, and read the due ones oldest first', () => {
    expect(buildSettleOutboxRequest('outbox', 'm-1', 'l-1', { status: 'sent' })).toEqual({
      TableName: 'outbox',
      Key: { message_id: 'm-1' },
      UpdateExpression: 'SET #n0 = :v0 REMOVE #n1, #n2',
      ConditionExpression: '#n1 = :v1 AND #n0 = :v2',
      ReturnValues: 'ALL_NEW',
      ExpressionAttributeNames: { '#n0': 'status', '#n1': 'lease_id', '#n2': 'lease_owner' },
      ExpressionAttributeValues: { ':v0': 'sent', ':v1': 'l-1', ':v2': 'pending' },
    });
    expect(buildReleaseOutboxRequest('outbox', 'm-1', 5).ConditionExpression).toBe('#n1 = :v1 AND #n2 = :v2 AND #n0 > :v3');
    expect(buildDueOutboxQuery('outbox', 5, 10)).toMatchObject({
      IndexName: 'status-due-index',
      ScanIndexForward: true,
      Limit: 10,
      KeyConditionExpression: '#n0 = :v0 AND #n1 <= :v1',
    });
  });
});

describe('content report requests', () => {
  it('set the reserved word status through a placeholder', () => {
    expect(buildUpdateReportStatusRequest('reports', 'r1', { status: 'resolved', updatedAt: 'now', resolutionNote: 'ok' })).toEqual({
      TableName: 'reports',
      Key: { report_id: 'r1' },
      UpdateExpression: 'SET #n1 = :v0, #n2 = :v1, #n3 = :v2, #n0 = if_not_exists(#n0, :v3) + :v4',
      ConditionExpression: 'attribute_exists(#n4)',
      ReturnValues: 'ALL_NEW',
      ExpressionAttributeNames: { '#n0': 'version', '#n1': 'status', '#n2': 'updated_at', '#n3': 'resolution_note', '#n4': 'report_id' },
      ExpressionAttributeValues: { ':v0': 'resolved', ':v1': 'now', ':v2': 'ok', ':v3': 0, ':v4': 1 },
    });
  });
});

describe('batch writes', () => {
  it('split into chunks of 25', () => {
    const requests = Array.from({ length: 60 }, (_, index) => ({ DeleteRequest: { Key: { id: String(index) } } }));
    const inputs = buildBatchWriteInputs('t', requests);
    expect(inputs.map((input) => input.RequestItems.t?.length)).toEqual([25, 25, 10]);
  });
});
