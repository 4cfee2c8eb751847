import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { createDynamoClients, createRepositories, createTables } from '@ielts-genai-prep/dal-dynamodb';
import { startEmbeddedDynamo } from '@ielts-genai-prep/dal-dynamodb/local';
import type { Hono } from 'hono';
import { createApp } from './app.js';
import { createMailPoller } from './mail-poller.js';
import { createOutboxMailSender, type MailSender } from './mail-sender.js';
import type { AppEnv } from './app-env.js';
import { consoleLogger, type Logger } from './logger.js';
import { ConfigError, type ServerConfig } from './config.js';
import { practiceQuestions, practiceRubrics } from './content/index.js';
import { seedContent } from './content-seed.js';
import { createDefaultEvaluators } from './default-evaluators.js';
import { findRunningEmbeddedEndpoint, writeEmbeddedEndpoint } from './embedded-endpoint.js';
import { createOutboxMailer, createSesMailer, type Mailer } from './mailer.js';
import { createFileSpeakingAudioStore, createS3SpeakingAudioStore, type SpeakingAudioStore } from './speaking-audio-store.js';
import { ensureWritableDirectory } from './writable-directory.js';

/** A server built from its configuration, and how to stop what it started. */
export interface Runtime {
  app: Hono<AppEnv>;
  /** Lines describing what it runs on, for the start-up banner. */
  description: string[];
  /** Sends the outbox's due mail (the Lambda handler drains with it on stream and schedule events). */
  mail: MailSender;
  /** Stops the mail poller (waiting for its drain), then closes the clients and the store. */
  close: () => Promise<void>;
}

/** Options for {@link createRuntime}. */
export interface RuntimeOptions {
  logger?: Logger;
  /**
   * Drain the outbox in this process: every few seconds, and at once when a request makes mail
   * due. Default true; the Lambda handler turns it off (a frozen instance cannot poll) and drains
   * on the outbox table's stream and a schedule instead.
   */
  mailPoller?: boolean;
}

/**
 * Builds the server from its configuration (a {@link ConfigError} when DATA_DIR or the outbox
 * cannot be written): the data store (embedded, an endpoint such as
 * DynamoDB Local, or real DynamoDB), tables and content when asked, the mailer (outbox or SES)
 * and the evaluators (offline, Bedrock, Gemini).
 */
export async function createRuntime(config: ServerConfig, options: RuntimeOptions = {}): Promise<Runtime> {
  const logger = options.logger ?? consoleLogger;
  const description: string[] = [];
  const closers: Array<() => Promise<void> | void> = [];
  const tableNaming = { prefix: config.tables.prefix, suffix: config.tables.suffix };
  // The embedded store, the outbox and (without a bucket) speaking audio live under DATA_DIR.
  ensureWritableDirectory('DATA_DIR', config.dataDir);
  if (config.mail.kind === 'outbox') ensureWritableDirectory('OUTBOX_DIR', config.mail.directory);

  let documentClient: DynamoDBDocumentClient;
  if (config.storage.kind === 'embedded') {
    // The store's files take one process at a time; a second server on them would crash inside it.
    const running = await findRunningEmbeddedEndpoint(config.dataDir);
    if (running) {
      throw new ConfigError([
        `DATA_DIR: another server is using ${config.dataDir} (its store answers at ${running}): stop it, or choose another DATA_DIR`,
      ]);
    }
    const embedded = await startEmbeddedDynamo({ path: config.storage.directory, createTables: config.createTables, ...tableNaming });
    documentClient = embedded.documentClient;
    closers.push(() => embedded.close());
    closers.push(writeEmbeddedEndpoint(config.dataDir, embedded.endpoint));
    description.push(`data: embedded DynamoDB-compatible store in ${config.storage.directory}`);
    // A server killed mid-write left these half-done; they are mended, and said, before any request.
    if (embedded.repairs.length > 0) {
      description.push(`data: mended ${embedded.repairs.length} write(s) a stopped server left half-done in the embedded store`);
    }
  } else {
    const { client, documentClient: created } = createDynamoClients(
      config.storage.kind === 'endpoint'
        ? { endpoint: config.storage.endpoint, region: config.storage.region, credentials: config.endpointCredentials }
        : { region: config.storage.region },
    );
    documentClient = created;
    closers.push(() => client.destroy());
    if (config.createTables) await createTables({ client, ...tableNaming });
    description.push(
      config.storage.kind === 'endpoint' ? `data: DynamoDB at ${config.storage.endpoint}` : `data: DynamoDB in ${config.storage.region}`,
    );
  }

  try {
    const repositories = createRepositories({
      documentClient,
      cursorSecret: config.cursorSecret,
      retry: { deadlineMs: config.dynamodbRequestTimeoutMs, callDeadlineMs: Math.max(15_000, 3 * config.dynamodbRequestTimeoutMs) },
      ...tableNaming,
    });
    if (config.seedContent) {
      const seeded = await seedContent(repositories, { questions: practiceQuestions, rubrics: practiceRubrics });
      description.push(`content: ${seeded.questions} practice questions and ${seeded.rubrics} rubrics loaded`);
    }

    let mailer: Mailer;
    if (config.mail.kind === 'ses') {
      const ses = new SESClient({
        region: config.mail.region,
        ...(config.mail.endpoint ? { endpoint: config.mail.endpoint, credentials: config.endpointCredentials } : {}),
      });
      closers.push(() => ses.destroy());
      mailer = createSesMailer({ client: ses, from: config.mail.from });
      description.push(`email: Amazon SES from ${config.mail.from}${config.mail.endpoint ? ` via ${config.mail.endpoint}` : ''}`);
    } else {
      mailer = createOutboxMailer({ directory: config.mail.directory, from: config.mail.from });
      description.push(`email: written to ${config.mail.directory}`);
    }

    let speakingAudio: SpeakingAudioStore;
    if (config.speakingAudio.kind === 's3') {
      const { bucket, region, endpoint } = config.speakingAudio;
      // Path-style for a local server (s3rver, MinIO), which has no bucket subdomains.
      const s3 = new S3Client({ region, ...(endpoint ? { endpoint, forcePathStyle: true, credentials: config.endpointCredentials } : {}) });
      closers.push(() => s3.destroy());
      speakingAudio = createS3SpeakingAudioStore({ client: s3, bucket });
      description.push(`speaking audio: S3 bucket ${bucket}${endpoint ? ` at ${endpoint}` : ''}`);
    } else {
      speakingAudio = createFileSpeakingAudioStore(config.speakingAudio.directory);
      description.push(`speaking audio: files in ${config.speakingAudio.directory} (this instance only)`);
    }

    const evaluators = createDefaultEvaluators(config);
    description.push(
      `writing: ${config.bedrock.enabled ? 'Bedrock' : 'offline scorer'}; speaking: ${config.gemini.apiKey ? 'Gemini' : 'offline scorer'}`,
    );

    const mail = createOutboxMailSender({ repositories, config, mailer, logger });
    const poller = options.mailPoller === false ? undefined : createMailPoller({ sender: mail, logger });
    const app = createApp({
      config,
      repositories,
      evaluators,
      speakingAudio,
      logger,
      ...(poller ? { onMailDue: () => poller.wake() } : {}),
    });
    poller?.start();
    return {
      app,
      description,
      mail,
      close: async () => {
        await poller?.stop();
        for (const close of closers.reverse()) await close();
      },
    };
  } catch (error) {
    for (const close of closers.reverse()) await close();
    throw error;
  }
}
