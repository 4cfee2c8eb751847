import {
  DEAD_MAIL_METRIC,
  TABLE_DEFINITIONS,
  TABLE_KEYS,
  resolveTableNames,
  type KeyAttribute,
  type TableKey,
} from '@ielts-genai-prep/dal-dynamodb';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as eventSources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';

/** The Bedrock model the writing evaluator calls by default (`DEFAULT_WRITING_MODEL_ID` of ai-evaluators). */
export const DEFAULT_BEDROCK_MODEL_ID = 'amazon.nova-micro-v1:0';

/**
 * The DynamoDB actions the data layer sends (`@ielts-genai-prep/dal-dynamodb`): no Scan, no
 * table management. Tables are created by this stack, so the function cannot create or drop one.
 */
export const SERVER_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:Query',
  'dynamodb:BatchWriteItem',
  'dynamodb:DescribeTable',
  'dynamodb:DescribeTimeToLive',
] as const;

/** Where the server keeps speaking audio in the bucket (`createS3SpeakingAudioStore`'s default prefix). */
export const SPEAKING_AUDIO_PREFIX = 'speaking-audio/';

/**
 * What the server does with speaking audio: store a turn, read it back to score the test, delete
 * a test's turns (DeleteObjects needs `s3:DeleteObject`); listing them needs `s3:ListBucket`, which
 * is granted on the bucket for the prefix alone.
 */
export const SERVER_AUDIO_OBJECT_ACTIONS = ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'] as const;

/** Options of {@link IeltsGenAiPrepStack}. */
export interface IeltsGenAiPrepStackProps extends StackProps {
  /**
   * The server's code: the zip that `pnpm --filter @ielts-genai-prep/server package:lambda` builds
   * (`lambda.Code.fromAsset('apps/server/dist-lambda/function.zip')`), handler `index.handler`.
   */
  serverCode: lambda.Code;
  /** The verified SES identity the server sends from (`SES_FROM_ADDRESS`). */
  sesFromAddress: string;
  /** Put before every table name, e.g. `staging-`. Default: none. */
  tablePrefix?: string;
  /** Put after every table name, e.g. `-dev`. Default: none. */
  tableSuffix?: string;
  /**
   * Regions to replicate every table to, as DynamoDB global tables. Default: none. Writes still go
   * to this stack's region only (see the infra README on last-writer-wins).
   */
  replicaRegions?: readonly string[];
  /** Score Writing on Bedrock (`BEDROCK_ENABLED`). Default true. */
  bedrockEnabled?: boolean;
  /** The Bedrock model id. Default {@link DEFAULT_BEDROCK_MODEL_ID}. */
  bedrockModelId?: string;
  /** The public origin of the web app, used in the links of emails (`PUBLIC_URL`). Default: the function URL is not known at synth time, so none. */
  publicUrl?: string;
  /** Where alarms are sent. Default: an SNS topic with no subscription. */
  alarmEmail?: string;
  /** Days speaking audio is kept before S3 deletes it (a test left unscored). Default 1. */
  speakingAudioExpirationDays?: number;
  /** Memory of the function in MiB. Default 1024 (scrypt and the offline scorer are CPU-bound; Lambda gives CPU with memory). */
  memorySize?: number;
}

function attributeType(attribute: KeyAttribute): dynamodb.AttributeType {
  return attribute.type === 'N' ? dynamodb.AttributeType.NUMBER : dynamodb.AttributeType.STRING;
}

function attribute(key: KeyAttribute): dynamodb.Attribute {
  return { name: key.name, type: attributeType(key) };
}

/**
 * The whole deployment in one stack: every table from the data layer's own definitions
 * (on demand, point-in-time recovery, TTL, streams, optionally global), a private encrypted
 * bucket for speaking audio that expires its objects, the server as a Lambda
 * function on Node 24 with a function URL, a role that may touch only those tables and that bucket, SES from one
 * identity and one Bedrock model, and alarms on throttling and errors.
 */
export class IeltsGenAiPrepStack extends Stack {
  /** The tables, by the data layer's name for them. */
  readonly tables: Readonly<Record<TableKey, dynamodb.TableV2>>;
  /** Speaking audio between a test's turns and its scoring, shared by every instance. */
  readonly speakingAudioBucket: s3.Bucket;
  /** The server function. */
  readonly server: lambda.Function;
  /** The server's HTTPS endpoint. */
  readonly serverUrl: lambda.FunctionUrl;
  /** Where alarms go. */
  readonly alarmTopic: sns.Topic;

  constructor(scope: Construct, id: string, props: IeltsGenAiPrepStackProps) {
    super(scope, id, props);
    const tableNames = resolveTableNames({ prefix: props.tablePrefix, suffix: props.tableSuffix });
    const replicas = (props.replicaRegions ?? []).map((region) => ({ region }));

    const tables = {} as Record<TableKey, dynamodb.TableV2>;
    for (const key of TABLE_KEYS) {
      const definition = TABLE_DEFINITIONS[key];
      tables[key] = new dynamodb.TableV2(this, `${key}Table`, {
        tableName: tableNames[key],
        partitionKey: attribute(definition.partitionKey),
        globalSecondaryIndexes: definition.indexes.map((index) => ({
          indexName: index.name,
          partitionKey: attribute(index.partitionKey),
          ...(index.sortKey ? { sortKey: attribute(index.sortKey) } : {}),
          projectionType: index.projection === 'ALL' ? dynamodb.ProjectionType.ALL : dynamodb.ProjectionType.KEYS_ONLY,
        })),
        billing: dynamodb.Billing.onDemand(),
        ...(definition.timeToLiveAttribute ? { timeToLiveAttribute: definition.timeToLiveAttribute } : {}),
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        // Global tables replicate through streams; a stream also lets a mail sender or audit follow changes.
        dynamoStream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
        deletionProtection: true,
        removalPolicy: RemovalPolicy.RETAIN,
        replicas,
      });
    }
    this.tables = tables;

    const cursorSecret = new secretsmanager.Secret(this, 'CursorSecret', {
      description: 'Signs the history cursors of IELTS GenAI Prep (CURSOR_SECRET).',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });

    this.speakingAudioBucket = new s3.Bucket(this, 'SpeakingAudio', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // A deleted turn is gone: no old versions of learners' recordings kept.
      versioned: false,
      lifecycleRules: [
        {
          id: 'expire-speaking-audio',
          // Scored and discarded tests delete their audio; this catches tests never finished.
          expiration: Duration.days(props.speakingAudioExpirationDays ?? 1),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      // Emptying it on delete needs a custom-resource function; what is left expires within a day anyway.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const bedrockEnabled = props.bedrockEnabled ?? true;
    const bedrockModelId = props.bedrockModelId ?? DEFAULT_BEDROCK_MODEL_ID;
    this.server = new lambda.Function(this, 'Server', {
      description: 'IELTS GenAI Prep reference server (Hono on Lambda).',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: props.serverCode,
      memorySize: props.memorySize ?? 1024,
      timeout: Duration.seconds(30),
      environment: {
        NODE_ENV: 'production',
        SES_FROM_ADDRESS: props.sesFromAddress,
        BEDROCK_ENABLED: String(bedrockEnabled),
        BEDROCK_MODEL_ID: bedrockModelId,
        ...(props.tablePrefix ? { TABLE_PREFIX: props.tablePrefix } : {}),
        ...(props.tableSuffix ? { TABLE_SUFFIX: props.tableSuffix } : {}),
        ...(props.publicUrl ? { PUBLIC_URL: props.publicUrl } : {}),
        CREATE_TABLES: 'false',
        SPEAKING_AUDIO_BUCKET: this.speakingAudioBucket.bucketName,
        SEED_CONTENT: 'true',
        // A CloudFormation dynamic reference: resolved at deploy time, never written into the template.
        CURSOR_SECRET: cursorSecret.secretValue.unsafeUnwrap(),
      },
    });

    this.server.addToRolePolicy(
      new iam.PolicyStatement({
        actions: [...SERVER_TABLE_ACTIONS],
        resources: TABLE_KEYS.flatMap((key) => [tables[key].tableArn, `${tables[key].tableArn}/index/*`]),
      }),
    );
    this.server.addToRolePolicy(
      new iam.PolicyStatement({
        actions: [...SERVER_AUDIO_OBJECT_ACTIONS],
        resources: [this.speakingAudioBucket.arnForObjects(`${SPEAKING_AUDIO_PREFIX}*`)],
      }),
    );
    this.server.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [this.speakingAudioBucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${SPEAKING_AUDIO_PREFIX}*`] } },
      }),
    );
    this.server.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        // SES authorises against the verified identity: the address itself, or its domain.
        resources: sesIdentitiesOf(props.sesFromAddress).map((identity) =>
          this.formatArn({ service: 'ses', resource: 'identity', resourceName: identity }),
        ),
      }),
    );
    if (bedrockEnabled) {
      this.server.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['bedrock:InvokeModel'],
          resources: [this.formatArn({ service: 'bedrock', account: '', resource: 'foundation-model', resourceName: bedrockModelId })],
        }),
      );
    }

    this.serverUrl = this.server.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });

    // The mail sender is the same function: the outbox's stream hands it each message as it is
    // inserted or made due (pending ones only), and a schedule sweeps for retries whose time has
    // come and holds that lapsed, which no stream record announces. Requests never send mail.
    this.server.addEventSource(
      new eventSources.DynamoEventSource(tables.outbox, {
        startingPosition: lambda.StartingPosition.LATEST,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        // A batch that fails is tried twice more, then left: its messages stay in the table for the sweep.
        retryAttempts: 2,
        filters: [
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.or('INSERT', 'MODIFY'),
            dynamodb: { NewImage: { status: { S: ['pending'] } } },
          }),
        ],
      }),
    );
    new events.Rule(this, 'MailSweep', {
      description: 'IELTS GenAI Prep: send outbox mail whose retry time has come.',
      schedule: events.Schedule.rate(Duration.minutes(1)),
      targets: [new eventTargets.LambdaFunction(this.server, { retryAttempts: 0 })],
    });

    this.alarmTopic = new sns.Topic(this, 'Alarms', { displayName: 'IELTS GenAI Prep alarms' });
    if (props.alarmEmail) this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    const notify = new cloudwatchActions.SnsAction(this.alarmTopic);

    for (const key of TABLE_KEYS) {
      // The operations the data layer sends (an alarm's math expression takes at most ten metrics).
      const throttles = tables[key].metricThrottledRequestsForOperations({
        operations: [
          dynamodb.Operation.GET_ITEM,
          dynamodb.Operation.PUT_ITEM,
          dynamodb.Operation.UPDATE_ITEM,
          dynamodb.Operation.DELETE_ITEM,
          dynamodb.Operation.QUERY,
          dynamodb.Operation.BATCH_WRITE_ITEM,
        ],
        period: Duration.minutes(5),
      });
      new cloudwatch.Alarm(this, `${key}ThrottleAlarm`, {
        alarmDescription: `${tableNames[key]}: requests throttled`,
        metric: throttles,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(notify);
    }
    // The mail sender writes one DeadMail count (an Embedded Metric Format log line) per message it gives up on.
    const deadMail = new cloudwatch.Metric({
      namespace: DEAD_MAIL_METRIC.namespace,
      metricName: DEAD_MAIL_METRIC.metricName,
      dimensionsMap: { [DEAD_MAIL_METRIC.functionNameDimension]: this.server.functionName },
      statistic: cloudwatch.Stats.SUM,
      period: Duration.minutes(5),
    });
    for (const [name, metric, description] of [
      ['ServerErrors', this.server.metricErrors({ period: Duration.minutes(5) }), 'invocations failed'],
      ['ServerThrottles', this.server.metricThrottles({ period: Duration.minutes(5) }), 'invocations throttled'],
      ['DeadMail', deadMail, 'mail given up on after its last attempt (`ielts-db dead-mail` lists it)'],
    ] as const) {
      new cloudwatch.Alarm(this, `${name}Alarm`, {
        alarmDescription: `IELTS GenAI Prep server: ${description}`,
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(notify);
    }

    new CfnOutput(this, 'ServerUrl', { value: this.serverUrl.url, description: 'The server endpoint (function URL).' });
    new CfnOutput(this, 'ServerFunctionName', {
      value: this.server.functionName,
      description: 'For `aws lambda update-function-code --function-name … --zip-file fileb://apps/server/dist-lambda/function.zip`.',
    });
  }
}

/** The SES identities a from address (`a@b.example` or `Name <a@b.example>`) can be sent under: the address and its domain. */
export function sesIdentitiesOf(fromAddress: string): string[] {
  const address = (/<([^>]+)>/.exec(fromAddress)?.[1] ?? fromAddress).trim();
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1)
    throw new TypeError(`sesFromAddress must be an email address, not ${JSON.stringify(fromAddress)}`);
  return [address, address.slice(at + 1)];
}
