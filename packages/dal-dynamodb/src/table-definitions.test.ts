import { describe, expect, it } from 'vitest';
import { DalError } from './errors.js';
import { TABLE_DEFINITIONS, TABLE_KEYS, resolveTableNames } from './table-definitions.js';
import { buildCreateTableInput, buildUpdateTimeToLiveInput, compareTableDescription } from './table-requests.js';

describe('table definitions', () => {
  it('use the production names by default', () => {
    expect(resolveTableNames()).toEqual({
      users: 'ielts-genai-prep-users',
      sessions: 'ielts-genai-prep-sessions',
      assessments: 'ielts-genai-prep-assessments',
      questions: 'ielts-assessment-questions',
      rubrics: 'ielts-assessment-rubrics',
      contentReports: 'ielts-content-reports',
      aiSafetyLogs: 'ielts-ai-safety-logs',
      rateLimits: 'ielts-genai-prep-rate-limits',
      outbox: 'ielts-genai-prep-outbox',
    });
  });

  it('apply a prefix and suffix per environment, and exact overrides', () => {
    const names = resolveTableNames({ prefix: 'staging-', suffix: '-eu', tableNames: { users: 'legacy-users' } });
    expect(names.sessions).toBe('staging-ielts-genai-prep-sessions-eu');
    expect(names.users).toBe('legacy-users');
    expect(() => resolveTableNames({ prefix: 'bad prefix ' })).toThrow(DalError);
  });

  it('key and index every table as the issue lists them, with TTL on sessions, rate limits and the outbox alone', () => {
    const summary = Object.fromEntries(
      TABLE_KEYS.map((key) => {
        const definition = TABLE_DEFINITIONS[key];
        return [
          definition.baseName,
          {
            key: `${definition.partitionKey.name}:${definition.partitionKey.type}`,
            indexes: definition.indexes.map(
              (index) =>
                `${index.name}(${[index.partitionKey, index.sortKey]
                  .filter(Boolean)
                  .map((attribute) => `${attribute!.name}:${attribute!.type}`)
                  .join(',')})`,
            ),
            ttl: definition.timeToLiveAttribute ?? null,
          },
        ];
      }),
    );
    expect(summary).toEqual({
      'ielts-genai-prep-users': { key: 'email:S', indexes: [], ttl: null },
      'ielts-genai-prep-sessions': { key: 'session_id:S', indexes: ['user-email-index(user_email:S)'], ttl: 'expires_at' },
      'ielts-genai-prep-assessments': { key: 'assessment_id:S', indexes: ['user-email-index(user_email:S,timestamp:S)'], ttl: null },
      'ielts-assessment-questions': { key: 'question_id:S', indexes: ['assessment-type-index(assessment_type:S)'], ttl: null },
      'ielts-assessment-rubrics': { key: 'rubric_id:S', indexes: ['assessment-type-index(assessment_type:S,version:S)'], ttl: null },
      'ielts-content-reports': { key: 'report_id:S', indexes: ['status-index(status:S,created_at:S)'], ttl: null },
      'ielts-ai-safety-logs': { key: 'log_id:S', indexes: ['assessment-id-index(assessment_id:S,created_at:S)'], ttl: null },
      'ielts-genai-prep-rate-limits': { key: 'limit_key:S', indexes: [], ttl: 'expires_at' },
      'ielts-genai-prep-outbox': { key: 'message_id:S', indexes: ['status-due-index(status:S,next_attempt_at:N)'], ttl: 'expires_at' },
    });
  });

  it('key every table as the production platform does', () => {
    expect(TABLE_DEFINITIONS.users.partitionKey).toEqual({ name: 'email', type: 'S' });
    expect(TABLE_DEFINITIONS.sessions.timeToLiveAttribute).toBe('expires_at');
    expect(TABLE_DEFINITIONS.sessions.indexes.map((index) => index.name)).toEqual(['user-email-index']);
    expect(TABLE_DEFINITIONS.assessments.indexes[0]).toMatchObject({ name: 'user-email-index', sortKey: { name: 'timestamp' } });
    expect(TABLE_DEFINITIONS.questions.indexes[0]?.partitionKey.name).toBe('assessment_type');
    expect(TABLE_KEYS.map((key) => TABLE_DEFINITIONS[key].key)).toEqual([...TABLE_KEYS]);
  });
});

describe('buildCreateTableInput', () => {
  it('builds an on-demand table with its GSI and each key attribute defined once', () => {
    expect(buildCreateTableInput(TABLE_DEFINITIONS.assessments, 'dev-assessments')).toEqual({
      TableName: 'dev-assessments',
      AttributeDefinitions: [
        { AttributeName: 'assessment_id', AttributeType: 'S' },
        { AttributeName: 'user_email', AttributeType: 'S' },
        { AttributeName: 'timestamp', AttributeType: 'S' },
      ],
      KeySchema: [{ AttributeName: 'assessment_id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
      GlobalSecondaryIndexes: [
        {
          IndexName: 'user-email-index',
          KeySchema: [
            { AttributeName: 'user_email', KeyType: 'HASH' },
            { AttributeName: 'timestamp', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
  });

  it('puts provisioned throughput on the table and on every GSI', () => {
    const input = buildCreateTableInput(TABLE_DEFINITIONS.sessions, 'sessions', {
      mode: 'PROVISIONED',
      readCapacityUnits: 10,
      writeCapacityUnits: 4,
    });
    expect(input.BillingMode).toBe('PROVISIONED');
    expect(input.ProvisionedThroughput).toEqual({ ReadCapacityUnits: 10, WriteCapacityUnits: 4 });
    expect(input.GlobalSecondaryIndexes?.[0]?.ProvisionedThroughput).toEqual({ ReadCapacityUnits: 10, WriteCapacityUnits: 4 });
    expect(buildCreateTableInput(TABLE_DEFINITIONS.users, 'users').GlobalSecondaryIndexes).toBeUndefined();
  });

  it('enables TTL only where the definition has a TTL attribute', () => {
    expect(buildUpdateTimeToLiveInput(TABLE_DEFINITIONS.sessions, 's')).toEqual({
      TableName: 's',
      TimeToLiveSpecification: { AttributeName: 'expires_at', Enabled: true },
    });
    expect(buildUpdateTimeToLiveInput(TABLE_DEFINITIONS.users, 'u')).toBeUndefined();
  });
});

describe('compareTableDescription', () => {
  it('finds nothing to report for a table created from the definition', () => {
    for (const key of TABLE_KEYS) {
      const input = buildCreateTableInput(TABLE_DEFINITIONS[key], key);
      const description = {
        ...input,
        GlobalSecondaryIndexes: input.GlobalSecondaryIndexes?.map((index) => ({ ...index, IndexStatus: 'ACTIVE' as const })),
      };
      expect(compareTableDescription(TABLE_DEFINITIONS[key], description)).toEqual([]);
    }
  });

  it('names each difference', () => {
    const differences = compareTableDescription(TABLE_DEFINITIONS.assessments, {
      AttributeDefinitions: [
        { AttributeName: 'assessment_id', AttributeType: 'N' },
        { AttributeName: 'user_email', AttributeType: 'S' },
      ],
      KeySchema: [{ AttributeName: 'assessment_id', KeyType: 'HASH' }],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'user-email-index',
          KeySchema: [{ AttributeName: 'user_email', KeyType: 'HASH' }],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
      ],
    });
    expect(differences).toEqual([
      'attribute assessment_id has type N, expected S',
      'index user-email-index has key schema user_email:HASH, expected user_email:HASH,timestamp:RANGE',
      'index user-email-index projects KEYS_ONLY, expected ALL',
    ]);
    expect(compareTableDescription(TABLE_DEFINITIONS.sessions, { KeySchema: [{ AttributeName: 'session_id', KeyType: 'HASH' }] })).toEqual([
      'global secondary index user-email-index is missing',
    ]);
  });
});
