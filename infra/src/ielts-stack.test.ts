import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEAD_MAIL_METRIC, TABLE_DEFINITIONS, TABLE_KEYS, resolveTableNames } from '@ielts-genai-prep/dal-dynamodb';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  IeltsGenAiPrepStack,
  SERVER_AUDIO_OBJECT_ACTIONS,
  SERVER_TABLE_ACTIONS,
  SPEAKING_AUDIO_PREFIX,
  sesIdentitiesOf,
  type IeltsGenAiPrepStackProps,
} from './ielts-stack.js';

/** A synthesised resource, typed by the properties these tests read (each on the resource types that have it). */
interface Resource {
  Type: string;
  Properties: {
    [name: string]: unknown;
    TableName: string;
    Replicas: Array<{ Region: string; PointInTimeRecoverySpecification: unknown; DeletionProtectionEnabled: unknown }>;
    Environment: { Variables: Record<string, unknown> };
    PolicyDocument: { Statement: Array<{ Action: string | string[]; Resource: unknown; Condition?: unknown }> };
    FilterCriteria: { Filters: Array<{ Pattern: string }> };
    LifecycleConfiguration: { Rules: Array<{ ExpirationInDays?: number }> };
    TimeToLiveSpecification?: { AttributeName?: string; Enabled: boolean };
  };
}

function synthesise(props: Partial<IeltsGenAiPrepStackProps> = {}): Template {
  const app = new App();
  const stack = new IeltsGenAiPrepStack(app, 'Test', {
    env: { account: '123456789012', region: 'us-east-1' },
    serverCode: lambda.Code.fromInline('export const handler = async () => ({ statusCode: 200 });'),
    sesFromAddress: 'IELTS GenAI Prep <no-reply@ielts.example>',
    ...props,
  });
  return Template.fromStack(stack);
}

function resourcesOf(template: Template, type: string): Resource[] {
  return Object.values(template.findResources(type)) as Resource[];
}

describe('the deploy stack', () => {
  const template = synthesise({ tablePrefix: 'prod-' });

  it('creates exactly every table of the data layer, with their keys, indexes and TTL, on demand, streamed and recoverable', () => {
    const tables = resourcesOf(template, 'AWS::DynamoDB::GlobalTable');
    const names = resolveTableNames({ prefix: 'prod-' });
    expect(tables.map((table) => table.Properties.TableName).sort()).toEqual(TABLE_KEYS.map((key) => names[key]).sort());
    for (const key of TABLE_KEYS) {
      const definition = TABLE_DEFINITIONS[key];
      const table = tables.find((candidate) => candidate.Properties.TableName === names[key])!;
      expect(table.Properties.KeySchema).toEqual([{ AttributeName: definition.partitionKey.name, KeyType: 'HASH' }]);
      expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
      expect(table.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
      expect(table.Properties.Replicas[0]?.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(table.Properties.Replicas[0]?.DeletionProtectionEnabled).toBe(true);
      const indexes = (table.Properties.GlobalSecondaryIndexes ?? []) as {
        IndexName: string;
        KeySchema: { AttributeName: string; KeyType: string }[];
      }[];
      expect(indexes.map((index) => index.IndexName)).toEqual(definition.indexes.map((index) => index.name));
      for (const [position, index] of definition.indexes.entries()) {
        expect(indexes[position]!.KeySchema).toEqual([
          { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
          ...(index.sortKey ? [{ AttributeName: index.sortKey.name, KeyType: 'RANGE' }] : []),
        ]);
      }
      expect(table.Properties.TimeToLiveSpecification ?? { Enabled: false }).toEqual(
        definition.timeToLiveAttribute ? { AttributeName: definition.timeToLiveAttribute, Enabled: true } : { Enabled: false },
      );
    }
  });

  it('replicates every table to the replica regions as a global table, with this region as one of them', () => {
    const global = synthesise({ replicaRegions: ['eu-west-1', 'ap-southeast-2'] });
    const tables = resourcesOf(global, 'AWS::DynamoDB::GlobalTable');
    expect(tables).toHaveLength(TABLE_KEYS.length);
    for (const table of tables) {
      expect(table.Properties.Replicas.map((replica: { Region: string }) => replica.Region).sort()).toEqual([
        'ap-southeast-2',
        'eu-west-1',
        'us-east-1',
      ]);
    }
    for (const table of resourcesOf(template, 'AWS::DynamoDB::GlobalTable')) expect(table.Properties.Replicas).toHaveLength(1);
  });

  it('runs the server on Lambda’s Node 24 runtime with a function URL, in production, with the cursor secret by reference', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Environment: {
        Variables: Match.objectLike({
          NODE_ENV: 'production',
          SES_FROM_ADDRESS: 'IELTS GenAI Prep <no-reply@ielts.example>',
          TABLE_PREFIX: 'prod-',
          CREATE_TABLES: 'false',
          BEDROCK_ENABLED: 'true',
        }),
      },
    });
    const server = resourcesOf(template, 'AWS::Lambda::Function')[0]!;
    const secret = JSON.stringify(server.Properties.Environment.Variables.CURSOR_SECRET);
    expect(secret).toContain('{{resolve:secretsmanager:');
    template.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'NONE' });
  });

  it('gives the function only the DynamoDB actions the data layer sends, on these tables and their indexes, and nothing with a wildcard action', () => {
    const statements = resourcesOf(template, 'AWS::IAM::Policy').flatMap((policy) => policy.Properties.PolicyDocument.Statement) as {
      Action: string | string[];
      Resource: unknown;
    }[];
    // Reading the outbox's stream (the mail sender's trigger) is granted on that stream alone.
    const streamActions = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];
    const streamStatements = statements.filter((statement) => [statement.Action].flat().some((action) => streamActions.includes(action)));
    expect(streamStatements.flatMap((statement) => [statement.Action].flat()).sort()).toEqual(streamActions);
    for (const statement of streamStatements)
      expect(JSON.stringify(statement.Resource)).toMatch(/^\{"Fn::GetAtt":\["outboxTable[0-9A-F]+","StreamArn"\]\}$/);
    const actions = statements
      .filter((statement) => !streamStatements.includes(statement))
      .flatMap((statement) => [statement.Action].flat());
    expect(actions.filter((action) => action.startsWith('dynamodb:')).sort()).toEqual([...SERVER_TABLE_ACTIONS].sort());
    expect(actions.filter((action) => action.startsWith('s3:')).sort()).toEqual([...SERVER_AUDIO_OBJECT_ACTIONS, 's3:ListBucket'].sort());
    expect(actions.some((action) => action.includes('*'))).toBe(false);
    expect(actions).not.toContain('dynamodb:Scan');
    for (const statement of statements) expect(statement.Resource).not.toBe('*');
    const dynamo = statements.find((statement) => [statement.Action].flat().includes('dynamodb:Query'))!;
    expect(dynamo.Resource).toHaveLength(TABLE_KEYS.length * 2);
    expect(actions).toContain('bedrock:InvokeModel');
    expect(JSON.stringify(statements)).toContain('foundation-model/amazon.nova-micro-v1:0');
    expect(JSON.stringify(statements)).toContain(':identity/no-reply@ielts.example');
    expect(JSON.stringify(statements)).toContain(':identity/ielts.example');
  });

  it('drains the outbox with the same function: on the outbox stream’s pending messages, and every minute for retries', () => {
    const mappings = resourcesOf(template, 'AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(1);
    const [mapping] = mappings;
    expect(JSON.stringify(mapping!.Properties.EventSourceArn)).toMatch(/"outboxTable[0-9A-F]+","StreamArn"/);
    expect(mapping!.Properties).toMatchObject({ StartingPosition: 'LATEST', BatchSize: 100, MaximumRetryAttempts: 2 });
    expect(mapping!.Properties.FilterCriteria.Filters.map((filter: { Pattern: string }) => JSON.parse(filter.Pattern))).toEqual([
      { eventName: ['INSERT', 'MODIFY'], dynamodb: { NewImage: { status: { S: ['pending'] } } } },
    ]);
    const server = Object.keys(template.findResources('AWS::Lambda::Function'))[0]!;
    expect(mapping!.Properties.FunctionName).toEqual({ Ref: server });
    const rules = resourcesOf(template, 'AWS::Events::Rule');
    expect(rules).toHaveLength(1);
    expect(rules[0]!.Properties.ScheduleExpression).toBe('rate(1 minute)');
    expect(rules[0]!.Properties.Targets).toEqual([
      expect.objectContaining({ Arn: { 'Fn::GetAtt': [server, 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 0 } }),
    ]);
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [server, 'Arn'] },
    });
  });

  it('keeps speaking audio in one private, encrypted, TLS-only bucket whose objects expire after a day, named to the server', () => {
    const buckets = template.findResources('AWS::S3::Bucket');
    expect(Object.keys(buckets)).toHaveLength(1);
    const [bucketId, bucket] = Object.entries(buckets)[0]! as [string, Resource & { DeletionPolicy?: string }];
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(bucket.Properties.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
    expect(bucket.Properties.VersioningConfiguration).toBeUndefined();
    expect(bucket.Properties.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({ Status: 'Enabled', ExpirationInDays: 1, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
    ]);
    expect(bucket.DeletionPolicy).toBe('Retain');
    // Requests without TLS are denied by the bucket's own policy.
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            Principal: { AWS: '*' },
          }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ SPEAKING_AUDIO_BUCKET: { Ref: bucketId } }) },
    });
    expect(synthesise({ speakingAudioExpirationDays: 2 }).findResources('AWS::S3::Bucket')).toSatisfy((found: Record<string, Resource>) =>
      Object.values(found).every((resource) => resource.Properties.LifecycleConfiguration.Rules[0]?.ExpirationInDays === 2),
    );
  });

  it('lets the function read, write and delete audio objects under the prefix only, and list nothing else', () => {
    const statements = resourcesOf(template, 'AWS::IAM::Policy').flatMap((policy) => policy.Properties.PolicyDocument.Statement) as {
      Action: string | string[];
      Resource: unknown;
      Condition?: unknown;
    }[];
    const bucketId = Object.keys(template.findResources('AWS::S3::Bucket'))[0]!;
    const objects = statements.find((statement) => [statement.Action].flat().includes('s3:GetObject'))!;
    expect([objects.Action].flat().sort()).toEqual([...SERVER_AUDIO_OBJECT_ACTIONS].sort());
    expect(objects.Resource).toEqual({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, `/${SPEAKING_AUDIO_PREFIX}*`]] });
    expect(objects.Condition).toBeUndefined();
    const listing = statements.find((statement) => [statement.Action].flat().includes('s3:ListBucket'))!;
    expect(listing.Action).toBe('s3:ListBucket');
    expect(listing.Resource).toEqual({ 'Fn::GetAtt': [bucketId, 'Arn'] });
    expect(listing.Condition).toEqual({ StringLike: { 's3:prefix': [`${SPEAKING_AUDIO_PREFIX}*`] } });
  });

  it('leaves Bedrock out of the role when Writing is scored offline', () => {
    const offline = synthesise({ bedrockEnabled: false });
    const actions = resourcesOf(offline, 'AWS::IAM::Policy').flatMap((policy) =>
      policy.Properties.PolicyDocument.Statement.flatMap((statement: { Action: string | string[] }) => [statement.Action].flat()),
    );
    expect(actions).not.toContain('bedrock:InvokeModel');
  });

  it('alarms on throttling of every table, on the function’s errors and throttles and on dead mail, into one topic', () => {
    const alarms = resourcesOf(template, 'AWS::CloudWatch::Alarm');
    expect(alarms).toHaveLength(TABLE_KEYS.length + 3);
    const topic = Object.keys(template.findResources('AWS::SNS::Topic'));
    expect(topic).toHaveLength(1);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topic[0] }]);
    const subscribed = synthesise({ alarmEmail: 'ops@ielts.example' });
    subscribed.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@ielts.example' });
  });

  it('alarms on the first message the function’s mail sender gives up on, by the metric the sender writes', () => {
    // The stack's one function (see the runtime test above).
    const server = Object.keys(template.findResources('AWS::Lambda::Function'))[0]!;
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: DEAD_MAIL_METRIC.namespace,
      MetricName: DEAD_MAIL_METRIC.metricName,
      Dimensions: [{ Name: DEAD_MAIL_METRIC.functionNameDimension, Value: { Ref: server } }],
      Statistic: 'Sum',
      Period: 300,
      Threshold: 1,
      EvaluationPeriods: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
  });

  it('refuses a sender that is not an email address', () => {
    expect(sesIdentitiesOf('no-reply@ielts.example')).toEqual(['no-reply@ielts.example', 'ielts.example']);
    expect(() => synthesise({ sesFromAddress: 'not an address' })).toThrow(/sesFromAddress must be an email address/);
  });
});

describe('the CDK app (dist/app.js, as `cdk synth` runs it)', () => {
  const infraDirectory = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
  const app = path.join(infraDirectory, 'dist', 'app.js');
  const cdk = path.join(infraDirectory, 'node_modules', 'aws-cdk', 'bin', 'cdk');

  it('synthesises with `cdk synth` from the server zip and settings in the environment', () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'ielts-infra-'));
    const zip = path.join(directory, 'function.zip');
    writeFileSync(zip, 'not really a zip: the asset is copied, not read');
    const outdir = path.join(directory, 'cdk.out');
    execFileSync(process.execPath, [cdk, 'synth', '--no-notices', '--quiet', '--output', outdir], {
      cwd: infraDirectory,
      env: {
        ...process.env,
        IELTS_SERVER_ZIP: zip,
        SES_FROM_ADDRESS: 'no-reply@ielts.example',
        IELTS_REPLICA_REGIONS: 'eu-west-1',
        AWS_REGION: 'eu-west-2',
        AWS_DEFAULT_REGION: 'eu-west-2',
        // Nothing may leave this machine: no telemetry, no instance-metadata credential look-up.
        CDK_DISABLE_CLI_TELEMETRY: 'true',
        AWS_EC2_METADATA_DISABLED: 'true',
      },
      stdio: 'pipe',
    });
    const templateFile = readdirSync(outdir).find((file) => file.endsWith('.template.json'))!;
    const synthesised = JSON.parse(readFileSync(path.join(outdir, templateFile), 'utf8')) as { Resources: Record<string, Resource> };
    const resources = Object.values(synthesised.Resources);
    const functions = resources.filter((resource) => resource.Type === 'AWS::Lambda::Function');
    expect(functions.map((resource) => resource.Properties.Runtime)).toEqual(['nodejs24.x']);
    const tables = resources.filter((resource) => resource.Type === 'AWS::DynamoDB::GlobalTable');
    expect(tables).toHaveLength(TABLE_KEYS.length);
    for (const table of tables)
      expect(table.Properties.Replicas.map((replica: { Region: string }) => replica.Region).sort()).toEqual(['eu-west-1', 'eu-west-2']);
  });

  it('stops with one clear line when the zip or the sender is missing', () => {
    const run = (env: Record<string, string>) => {
      try {
        execFileSync(process.execPath, [app], { env: { ...process.env, ...env }, stdio: 'pipe' });
        return { status: 0, stderr: '' };
      } catch (error) {
        const failure = error as { status: number; stderr: Buffer };
        return { status: failure.status, stderr: failure.stderr.toString() };
      }
    };
    const missingZip = run({ IELTS_SERVER_ZIP: '/nonexistent/function.zip', SES_FROM_ADDRESS: 'a@b.example' });
    expect(missingZip.status).toBe(2);
    expect(missingZip.stderr).toContain('package:lambda');
    const directory = mkdtempSync(path.join(tmpdir(), 'ielts-infra-'));
    writeFileSync(path.join(directory, 'function.zip'), 'x');
    const missingSender = run({ IELTS_SERVER_ZIP: path.join(directory, 'function.zip'), SES_FROM_ADDRESS: '' });
    expect(missingSender.status).toBe(2);
    expect(missingSender.stderr).toContain('sesFromAddress');
  });
});
