import { availableParallelism } from 'node:os';
import path from 'node:path';
import * as z from 'zod';

/** Where the server keeps its data. */
export type StorageConfig =
  /** dynalite in-process, persisted under `dataDir` (the one-command start). */
  | { kind: 'embedded'; directory: string }
  /** A DynamoDB-compatible endpoint, such as DynamoDB Local. */
  | { kind: 'endpoint'; endpoint: string; region: string }
  /** Real DynamoDB in `region`, with the default AWS credential chain. */
  | { kind: 'aws'; region: string };

/** How the server sends email. */
export type MailConfig =
  /** Each message is written as a file into `directory`. */
  | { kind: 'outbox'; directory: string; from: string }
  /** Amazon SES (or an SES emulator at `endpoint`). */
  | { kind: 'ses'; from: string; region: string; endpoint: string | undefined };

/** Where speaking audio waits between a test's turns and its scoring. */
export type SpeakingAudioConfig =
  /** Files under `directory` (`$DATA_DIR/speaking-audio`): seen by this instance alone. */
  | { kind: 'directory'; directory: string }
  /** An S3 bucket (or an S3-compatible server at `endpoint`), shared by every instance. */
  | { kind: 's3'; bucket: string; region: string; endpoint: string | undefined };

/** How learners pay for packs. */
export type PaymentsConfig =
  /** No provider: checkout answers `purchases_not_configured`; an operator grants packs with the grant CLI. */
  | { kind: 'none' }
  /** Stripe Checkout (or a Stripe-compatible stand-in at `apiBase`), its webhook signed with `webhookSecret`. */
  | { kind: 'stripe'; secretKey: string; webhookSecret: string; apiBase: string | undefined };

/** The server's configuration, read from environment variables by {@link loadConfig}. */
export interface ServerConfig {
  environment: 'development' | 'test' | 'production';
  port: number;
  host: string;
  /** The address people reach the server at; links in emails start with it. */
  publicUrl: string;
  dataDir: string;
  /** The built web app, served when the folder exists. */
  webDistDir: string;
  storage: StorageConfig;
  /**
   * The credentials for an AWS endpoint given by URL (DynamoDB Local, an S3 or Bedrock stand-in):
   * the environment's AWS keys when set, else placeholders a local endpoint accepts. Real AWS
   * services (no endpoint) use the SDK's default credential chain instead.
   */
  endpointCredentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  tables: { prefix: string; suffix: string };
  /** Create missing tables at start. */
  createTables: boolean;
  /** Load the practice questions and rubrics at start (idempotent). */
  seedContent: boolean;
  mail: MailConfig;
  /** Where speaking audio waits until the test is scored. */
  speakingAudio: SpeakingAudioConfig;
  bedrock: { enabled: boolean; region: string | undefined; modelId: string | undefined; endpoint: string | undefined };
  gemini: { apiKey: string | undefined; baseUrl: string | undefined };
  recaptcha: { secret: string | undefined; verifyUrl: string; hostnames: string[] };
  cookie: { secure: boolean };
  session: { idleTtlSeconds: number; absoluteTtlSeconds: number };
  tokens: { verificationTtlSeconds: number; resetTtlSeconds: number };
  /** scrypt's cost N (a power of two); r = 8, p = 1. */
  scryptCost: number;
  rateLimit: { windowSeconds: number; maxFailuresPerAccount: number; maxFailuresPerClient: number };
  /** Registrations one client address may start per hour. */
  registrationsPerClientPerHour: number;
  /** Password hashing: worker threads, and hashes that may wait for one before a 503. */
  hashing: { threads: number; maxWaiting: number };
  /** Assessments of each type every user may take without a purchase. */
  freeAssessmentsPerType: number;
  /** Of those, what an account may take before its email address is confirmed (at most the above). */
  freeAssessmentsBeforeVerification: number;
  /** Seconds after which a counted assessment that was never stored is given back at the user's next sign-in (its request is over by then). */
  allowanceSettleSeconds: number;
  /** Signs pagination cursors. */
  cursorSecret: string;
  /** Milliseconds one DynamoDB request may take, retries included, before the call fails (a 503). */
  dynamodbRequestTimeoutMs: number;
  /** Seconds a question or rubric read is reused before it is read again (0: every time). */
  contentCacheSeconds: number;
  /** The Lambda function this instance runs as (Lambda sets it); the dead-mail metric's `FunctionName` dimension. */
  lambdaFunctionName: string | undefined;
  /** Take the client address from `X-Forwarded-For` (behind a proxy or API Gateway). */
  trustProxy: boolean;
  /** Check offline-scored writing with Harper (loaded when the server starts, several seconds of one core). */
  offlineGrammarCheck: boolean;
  /** Origins allowed to call the API with credentials from a browser (CORS); empty: same origin only. */
  corsOrigins: string[];
  /** How learners pay for packs. */
  payments: PaymentsConfig;
}

/** A bad configuration: one line per bad variable. */
export class ConfigError extends Error {
  /** `NAME: what is wrong` for each bad variable. */
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const text = () => z.preprocess(blankToUndefined, z.string().optional());

const integer = (minimum: number, maximum: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d+$/, `must be a whole number from ${minimum} to ${maximum}`)
      .transform(Number)
      .pipe(z.number().int().min(minimum, `must be at least ${minimum}`).max(maximum, `must be at most ${maximum}`))
      .optional(),
  );

/** An AWS region name such as `eu-west-2`, `us-gov-west-1` or `cn-north-1`. */
const region = () =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'must be an AWS region such as eu-west-2')
      .optional(),
  );

const flag = () =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((value) => value.toLowerCase())
      .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' }))
      .transform((value) => value === 'true' || value === '1' || value === 'yes')
      .optional(),
  );

const url = () => z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional());

const list = () =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean),
      )
      .optional(),
  );

/** Reduces `https://App.Example.com/` to its origin `https://app.example.com`; undefined for anything but an http(s) origin. */
function toOrigin(entry: string): string | undefined {
  try {
    const parsed = new URL(entry);
    const bare = parsed.pathname === '/' && parsed.search === '' && parsed.hash === '' && parsed.username === '' && parsed.password === '';
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && bare ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/** A comma-separated list of web origins (scheme, host and port), for CORS with credentials: never `*`. */
const origins = () =>
  list().pipe(
    z
      .array(z.string())
      .optional()
      .superRefine((entries, context) => {
        for (const entry of entries ?? []) {
          if (entry === '*' || entry === 'null') {
            context.addIssue({ code: 'custom', message: `must list each origin: "${entry}" cannot be allowed with credentials` });
          } else if (!toOrigin(entry)) {
            context.addIssue({
              code: 'custom',
              message: `"${entry}" is not an origin such as https://app.example.com (scheme, host and port only)`,
            });
          }
        }
      })
      .transform((entries) => (entries === undefined ? undefined : [...new Set(entries.map((entry) => toOrigin(entry)!))])),
  );

/** Every environment variable the server reads. Keep in step with the table in README.md. */
const environmentSchema = z.object({
  NODE_ENV: z.preprocess(
    blankToUndefined,
    z.enum(['development', 'test', 'production'], { error: 'must be development, test or production' }).optional(),
  ),
  PORT: integer(0, 65535),
  HOST: text(),
  PUBLIC_URL: url(),
  DATA_DIR: text(),
  WEB_DIST_DIR: text(),
  AWS_REGION: region(),
  AWS_ACCESS_KEY_ID: text(),
  AWS_SECRET_ACCESS_KEY: text(),
  AWS_SESSION_TOKEN: text(),
  DYNAMODB_ENDPOINT: url(),
  DYNAMODB_REQUEST_TIMEOUT_MS: integer(100, 120_000),
  CONTENT_CACHE_SECONDS: integer(0, 3600),
  TABLE_PREFIX: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_.-]*$/, 'may hold only letters, digits, "_", "-" and "."')
      .optional(),
  ),
  TABLE_SUFFIX: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_.-]*$/, 'may hold only letters, digits, "_", "-" and "."')
      .optional(),
  ),
  CREATE_TABLES: flag(),
  SEED_CONTENT: flag(),
  OUTBOX_DIR: text(),
  MAIL_FROM: text(),
  SES_FROM_ADDRESS: z.preprocess(
    blankToUndefined,
    z.string().regex(/@/, 'must be an email address, optionally with a name: "Name <a@b.c>"').optional(),
  ),
  SES_REGION: region(),
  SES_ENDPOINT: url(),
  AWS_LAMBDA_FUNCTION_NAME: text(),
  SPEAKING_AUDIO_BUCKET: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name: 3–63 lowercase letters, digits, "." and "-"')
      .optional(),
  ),
  S3_ENDPOINT: url(),
  BEDROCK_ENABLED: flag(),
  BEDROCK_REGION: region(),
  BEDROCK_MODEL_ID: text(),
  BEDROCK_ENDPOINT: url(),
  GEMINI_API_KEY: text(),
  GEMINI_BASE_URL: url(),
  RECAPTCHA_SECRET: text(),
  RECAPTCHA_VERIFY_URL: url(),
  RECAPTCHA_HOSTNAMES: list(),
  COOKIE_SECURE: flag(),
  SESSION_IDLE_TTL_SECONDS: integer(60, 365 * 24 * 3600),
  SESSION_ABSOLUTE_TTL_SECONDS: integer(60, 365 * 24 * 3600),
  VERIFICATION_TOKEN_TTL_SECONDS: integer(60, 30 * 24 * 3600),
  RESET_TOKEN_TTL_SECONDS: integer(60, 7 * 24 * 3600),
  SCRYPT_COST: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d+$/, 'must be a power of two from 1024 to 1048576')
      .transform(Number)
      .refine((value) => value >= 1024 && value <= 1_048_576 && (value & (value - 1)) === 0, 'must be a power of two from 1024 to 1048576')
      .optional(),
  ),
  LOGIN_RATE_WINDOW_SECONDS: integer(1, 24 * 3600),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: integer(1, 10_000),
  LOGIN_MAX_FAILURES_PER_CLIENT: integer(1, 100_000),
  FREE_ASSESSMENTS_PER_TYPE: integer(0, 10_000),
  FREE_ASSESSMENTS_BEFORE_VERIFICATION: integer(0, 10_000),
  ALLOWANCE_SETTLE_SECONDS: integer(0, 86_400),
  REGISTRATIONS_PER_CLIENT_PER_HOUR: integer(1, 100_000),
  HASH_THREADS: integer(1, 256),
  HASH_QUEUE_SIZE: integer(0, 100_000),
  CURSOR_SECRET: z.preprocess(blankToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  TRUST_PROXY: flag(),
  OFFLINE_GRAMMAR_CHECK: flag(),
  CORS_ORIGINS: origins(),
  STRIPE_SECRET_KEY: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/, 'must be a Stripe secret or restricted key (sk_live_…, sk_test_…)')
      .optional(),
  ),
  STRIPE_WEBHOOK_SECRET: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^whsec_[A-Za-z0-9_+/=]+$/, "must be the webhook's signing secret (whsec_…)")
      .optional(),
  ),
  STRIPE_API_BASE: url(),
});

/** The name of every environment variable the server reads (the table in README.md lists each). */
export const CONFIG_VARIABLE_NAMES: readonly string[] = Object.keys(environmentSchema.shape);

/** Google's published reCAPTCHA test secret: every token passes with it. */
export const GOOGLE_TEST_RECAPTCHA_SECRET = '6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe';

/** The OWASP scrypt cost: N = 2^17. */
export const DEFAULT_SCRYPT_COST = 2 ** 17;
/** Assessments of each type a user may take before buying anything. */
export const DEFAULT_FREE_ASSESSMENTS_PER_TYPE = 3;

/** Options for {@link loadConfig}. */
export interface LoadConfigOptions {
  /** The repository root, for default folders (`.data`, `apps/web/dist`). Default: `process.cwd()`. */
  rootDirectory?: string;
  /** Makes the development cursor secret when none is configured. Default: a fixed development string. */
  developmentCursorSecret?: string;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'not set';
  const shown = String(value);
  return `got "${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}"`;
}

/**
 * Reads and validates the configuration from environment variables. Throws a {@link ConfigError}
 * naming every bad variable; see README.md for the table of variables and their defaults.
 */
export function loadConfig(environment: Record<string, string | undefined>, options: LoadConfigOptions = {}): ServerConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '(environment)');
        return `${name}: ${issue.message} (${describeValue(environment[name])})`;
      }),
    );
  }
  const variables = parsed.data;
  const problems: string[] = [];
  const rootDirectory = options.rootDirectory ?? process.cwd();
  const nodeEnvironment = variables.NODE_ENV ?? 'development';
  const port = variables.PORT ?? 3000;
  const host = variables.HOST ?? '127.0.0.1';
  const dataDir = path.resolve(rootDirectory, variables.DATA_DIR ?? '.data');
  const publicUrl = (variables.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');

  let storage: StorageConfig;
  if (variables.DYNAMODB_ENDPOINT) {
    storage = { kind: 'endpoint', endpoint: variables.DYNAMODB_ENDPOINT, region: variables.AWS_REGION ?? 'us-east-1' };
  } else if (variables.AWS_REGION) {
    storage = { kind: 'aws', region: variables.AWS_REGION };
  } else {
    storage = { kind: 'embedded', directory: path.join(dataDir, 'dynamodb') };
  }
  const local = storage.kind !== 'aws';

  let mail: MailConfig;
  if (variables.SES_FROM_ADDRESS) {
    const region = variables.SES_REGION ?? variables.AWS_REGION;
    if (!region) problems.push('SES_REGION: needed with SES_FROM_ADDRESS when AWS_REGION is not set (not set)');
    mail = { kind: 'ses', from: variables.SES_FROM_ADDRESS, region: region ?? 'us-east-1', endpoint: variables.SES_ENDPOINT };
  } else {
    mail = {
      kind: 'outbox',
      directory: path.resolve(rootDirectory, variables.OUTBOX_DIR ?? path.join(dataDir, 'outbox')),
      from: variables.MAIL_FROM ?? 'IELTS GenAI Prep <no-reply@localhost>',
    };
  }

  let speakingAudio: SpeakingAudioConfig;
  if (variables.SPEAKING_AUDIO_BUCKET) {
    const s3Region = variables.AWS_REGION ?? (variables.S3_ENDPOINT ? 'us-east-1' : undefined);
    if (!s3Region) problems.push("SPEAKING_AUDIO_BUCKET: needs AWS_REGION, the bucket's region (not set)");
    speakingAudio = {
      kind: 's3',
      bucket: variables.SPEAKING_AUDIO_BUCKET,
      region: s3Region ?? 'us-east-1',
      endpoint: variables.S3_ENDPOINT,
    };
  } else {
    if (variables.S3_ENDPOINT) problems.push('S3_ENDPOINT: only used with SPEAKING_AUDIO_BUCKET, which is not set (set both, or neither)');
    speakingAudio = { kind: 'directory', directory: path.join(dataDir, 'speaking-audio') };
  }

  // On real AWS, Writing goes to Bedrock unless told otherwise; locally the offline scorer needs no account.
  const bedrockEnabled = variables.BEDROCK_ENABLED ?? storage.kind === 'aws';
  const bedrockRegion = variables.BEDROCK_REGION ?? variables.AWS_REGION;
  if (bedrockEnabled && !bedrockRegion) problems.push('BEDROCK_REGION: needed with BEDROCK_ENABLED when AWS_REGION is not set (not set)');

  const idleTtlSeconds = variables.SESSION_IDLE_TTL_SECONDS ?? 7 * 24 * 3600;
  const absoluteTtlSeconds = variables.SESSION_ABSOLUTE_TTL_SECONDS ?? 30 * 24 * 3600;
  if (idleTtlSeconds > absoluteTtlSeconds) {
    problems.push(
      `SESSION_IDLE_TTL_SECONDS: must not exceed SESSION_ABSOLUTE_TTL_SECONDS (${absoluteTtlSeconds}) (got "${idleTtlSeconds}")`,
    );
  }

  if (nodeEnvironment === 'production' && storage.kind === 'aws' && mail.kind === 'outbox') {
    problems.push('SES_FROM_ADDRESS: required in production on AWS, or email would go to a local outbox nobody reads (not set)');
  }

  if (nodeEnvironment === 'production' && storage.kind === 'aws' && speakingAudio.kind === 'directory') {
    problems.push(
      "SPEAKING_AUDIO_BUCKET: required in production on AWS, or a speaking test's audio would wait on the disk of whichever instance took the turn (not set)",
    );
  }

  if (nodeEnvironment === 'production' && !variables.CURSOR_SECRET) {
    problems.push('CURSOR_SECRET: required in production, at least 32 random characters (not set)');
  }

  if (nodeEnvironment === 'production' && variables.RECAPTCHA_SECRET === GOOGLE_TEST_RECAPTCHA_SECRET) {
    problems.push("RECAPTCHA_SECRET: is Google's public test secret, which accepts every token: use your site's secret in production");
  }
  let recaptchaHostnames = variables.RECAPTCHA_HOSTNAMES ?? [];
  if (variables.RECAPTCHA_SECRET && recaptchaHostnames.length === 0) recaptchaHostnames = [new URL(publicUrl).hostname];

  let payments: PaymentsConfig = { kind: 'none' };
  if (variables.STRIPE_SECRET_KEY && variables.STRIPE_WEBHOOK_SECRET) {
    payments = {
      kind: 'stripe',
      secretKey: variables.STRIPE_SECRET_KEY,
      webhookSecret: variables.STRIPE_WEBHOOK_SECRET,
      apiBase: variables.STRIPE_API_BASE,
    };
  } else if (variables.STRIPE_SECRET_KEY) {
    problems.push('STRIPE_WEBHOOK_SECRET: needed with STRIPE_SECRET_KEY, or paid packs would never be granted (not set)');
  } else if (variables.STRIPE_WEBHOOK_SECRET) {
    problems.push('STRIPE_SECRET_KEY: needed with STRIPE_WEBHOOK_SECRET (not set)');
  }
  if (variables.STRIPE_API_BASE && !variables.STRIPE_SECRET_KEY) {
    problems.push('STRIPE_API_BASE: only used with STRIPE_SECRET_KEY, which is not set (set both, or neither)');
  }

  if (problems.length > 0) throw new ConfigError(problems);
  // One core is left to the event loop and the store.
  const hashThreads = variables.HASH_THREADS ?? Math.max(1, availableParallelism() - 1);

  return {
    environment: nodeEnvironment,
    port,
    host,
    publicUrl,
    dataDir,
    webDistDir: path.resolve(rootDirectory, variables.WEB_DIST_DIR ?? path.join('apps', 'web', 'dist')),
    storage,
    endpointCredentials:
      variables.AWS_ACCESS_KEY_ID && variables.AWS_SECRET_ACCESS_KEY
        ? {
            accessKeyId: variables.AWS_ACCESS_KEY_ID,
            secretAccessKey: variables.AWS_SECRET_ACCESS_KEY,
            ...(variables.AWS_SESSION_TOKEN ? { sessionToken: variables.AWS_SESSION_TOKEN } : {}),
          }
        : { accessKeyId: 'local', secretAccessKey: 'local' },
    tables: { prefix: variables.TABLE_PREFIX ?? '', suffix: variables.TABLE_SUFFIX ?? '' },
    createTables: variables.CREATE_TABLES ?? local,
    seedContent: variables.SEED_CONTENT ?? local,
    mail,
    speakingAudio,
    bedrock: { enabled: bedrockEnabled, region: bedrockRegion, modelId: variables.BEDROCK_MODEL_ID, endpoint: variables.BEDROCK_ENDPOINT },
    gemini: { apiKey: variables.GEMINI_API_KEY, baseUrl: variables.GEMINI_BASE_URL },
    recaptcha: {
      secret: variables.RECAPTCHA_SECRET,
      verifyUrl: variables.RECAPTCHA_VERIFY_URL ?? 'https://www.google.com/recaptcha/api/siteverify',
      hostnames: recaptchaHostnames,
    },
    cookie: { secure: variables.COOKIE_SECURE ?? nodeEnvironment !== 'development' },
    session: { idleTtlSeconds, absoluteTtlSeconds },
    tokens: {
      verificationTtlSeconds: variables.VERIFICATION_TOKEN_TTL_SECONDS ?? 24 * 3600,
      resetTtlSeconds: variables.RESET_TOKEN_TTL_SECONDS ?? 3600,
    },
    scryptCost: variables.SCRYPT_COST ?? DEFAULT_SCRYPT_COST,
    rateLimit: {
      windowSeconds: variables.LOGIN_RATE_WINDOW_SECONDS ?? 15 * 60,
      maxFailuresPerAccount: variables.LOGIN_MAX_FAILURES_PER_ACCOUNT ?? 10,
      maxFailuresPerClient: variables.LOGIN_MAX_FAILURES_PER_CLIENT ?? 50,
    },
    registrationsPerClientPerHour: variables.REGISTRATIONS_PER_CLIENT_PER_HOUR ?? 20,
    hashing: { threads: hashThreads, maxWaiting: variables.HASH_QUEUE_SIZE ?? hashThreads * 8 },
    freeAssessmentsPerType: variables.FREE_ASSESSMENTS_PER_TYPE ?? DEFAULT_FREE_ASSESSMENTS_PER_TYPE,
    freeAssessmentsBeforeVerification: variables.FREE_ASSESSMENTS_BEFORE_VERIFICATION ?? 0,
    allowanceSettleSeconds: variables.ALLOWANCE_SETTLE_SECONDS ?? 900,
    cursorSecret: variables.CURSOR_SECRET ?? options.developmentCursorSecret ?? 'development-only-cursor-secret-do-not-use-in-production',
    dynamodbRequestTimeoutMs: variables.DYNAMODB_REQUEST_TIMEOUT_MS ?? 5000,
    contentCacheSeconds: variables.CONTENT_CACHE_SECONDS ?? 60,
    lambdaFunctionName: variables.AWS_LAMBDA_FUNCTION_NAME,
    trustProxy: variables.TRUST_PROXY ?? false,
    offlineGrammarCheck: variables.OFFLINE_GRAMMAR_CHECK ?? true,
    corsOrigins: variables.CORS_ORIGINS ?? [],
    payments,
  };
}
