import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLE_NAMES, ConfigError, DEFAULT_SCRYPT_COST, GOOGLE_TEST_RECAPTCHA_SECRET, loadConfig } from './config.js';

const root = '/repo';

function problemsOf(environment: Record<string, string>): string[] {
  try {
    loadConfig(environment, { rootDirectory: root });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to the one-command start: embedded store, outbox, offline scoring, OWASP scrypt', () => {
    const config = loadConfig({}, { rootDirectory: root });
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.storage).toEqual({ kind: 'embedded', directory: path.join(root, '.data', 'dynamodb') });
    expect(config.mail).toEqual({
      kind: 'outbox',
      directory: path.join(root, '.data', 'outbox'),
      from: 'IELTS GenAI Prep <no-reply@localhost>',
    });
    expect(config.bedrock.enabled).toBe(false);
    expect(config.gemini.apiKey).toBeUndefined();
    expect(config.scryptCost).toBe(DEFAULT_SCRYPT_COST);
    expect(DEFAULT_SCRYPT_COST).toBe(131072);
    expect(config.cookie.secure).toBe(false);
    expect(config.createTables).toBe(true);
    expect(config.seedContent).toBe(true);
    expect(config.webDistDir).toBe(path.join(root, 'apps', 'web', 'dist'));
    expect(config.recaptcha.secret).toBeUndefined();
    expect(config.freeAssessmentsPerType).toBe(3);
    expect(config.speakingAudio).toEqual({ kind: 'directory', directory: path.join(root, '.data', 'speaking-audio') });
  });

  it('takes PORT and DATA_DIR from the environment', () => {
    const config = loadConfig({ PORT: '8080', DATA_DIR: '/var/lib/ielts' }, { rootDirectory: root });
    expect(config.port).toBe(8080);
    expect(config.publicUrl).toBe('http://localhost:8080');
    expect(config.storage).toEqual({ kind: 'embedded', directory: '/var/lib/ielts/dynamodb' });
  });

  it('uses real AWS services when AWS settings are present', () => {
    const config = loadConfig(
      {
        NODE_ENV: 'production',
        AWS_REGION: 'eu-west-2',
        SES_FROM_ADDRESS: 'IELTS <no-reply@example.com>',
        BEDROCK_ENABLED: 'true',
        GEMINI_API_KEY: 'key',
        CURSOR_SECRET: 'x'.repeat(40),
        SPEAKING_AUDIO_BUCKET: 'ielts-speaking-audio-123',
      },
      { rootDirectory: root },
    );
    expect(config.storage).toEqual({ kind: 'aws', region: 'eu-west-2' });
    expect(config.speakingAudio).toEqual({ kind: 's3', bucket: 'ielts-speaking-audio-123', region: 'eu-west-2', endpoint: undefined });
    expect(config.mail).toEqual({ kind: 'ses', from: 'IELTS <no-reply@example.com>', region: 'eu-west-2', endpoint: undefined });
    expect(config.bedrock).toMatchObject({ enabled: true, region: 'eu-west-2' });
    expect(config.gemini.apiKey).toBe('key');
    expect(config.cookie.secure).toBe(true);
    expect(config.createTables).toBe(false);
    expect(config.seedContent).toBe(false);
  });

  it('on real AWS scores Writing on Bedrock unless told not to, and needs SES in production', () => {
    expect(loadConfig({ AWS_REGION: 'eu-west-2' }, { rootDirectory: root }).bedrock).toMatchObject({ enabled: true, region: 'eu-west-2' });
    expect(loadConfig({ AWS_REGION: 'eu-west-2', BEDROCK_ENABLED: 'false' }, { rootDirectory: root }).bedrock.enabled).toBe(false);
    expect(
      loadConfig({ DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000', AWS_REGION: 'eu-west-2' }, { rootDirectory: root }).bedrock.enabled,
    ).toBe(false);
    expect(
      problemsOf({ NODE_ENV: 'production', AWS_REGION: 'eu-west-2', CURSOR_SECRET: 'x'.repeat(40), SPEAKING_AUDIO_BUCKET: 'audio-bucket' }),
    ).toEqual(['SES_FROM_ADDRESS: required in production on AWS, or email would go to a local outbox nobody reads (not set)']);
  });

  it('keeps speaking audio in a folder unless a bucket is named, and needs the bucket in production on AWS', () => {
    expect(loadConfig({ DATA_DIR: '/var/lib/ielts' }, { rootDirectory: root }).speakingAudio).toEqual({
      kind: 'directory',
      directory: '/var/lib/ielts/speaking-audio',
    });
    expect(
      loadConfig({ SPEAKING_AUDIO_BUCKET: 'audio', S3_ENDPOINT: 'http://127.0.0.1:4568' }, { rootDirectory: root }).speakingAudio,
    ).toEqual({
      kind: 's3',
      bucket: 'audio',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:4568',
    });
    expect(problemsOf({ SPEAKING_AUDIO_BUCKET: 'audio' })).toEqual([
      "SPEAKING_AUDIO_BUCKET: needs AWS_REGION, the bucket's region (not set)",
    ]);
    expect(problemsOf({ SPEAKING_AUDIO_BUCKET: 'Not_A_Bucket' })).toEqual([
      'SPEAKING_AUDIO_BUCKET: must be an S3 bucket name: 3–63 lowercase letters, digits, "." and "-" (got "Not_A_Bucket")',
    ]);
    expect(problemsOf({ S3_ENDPOINT: 'http://127.0.0.1:4568' })).toEqual([
      'S3_ENDPOINT: only used with SPEAKING_AUDIO_BUCKET, which is not set (set both, or neither)',
    ]);
    const production = {
      NODE_ENV: 'production',
      AWS_REGION: 'eu-west-2',
      CURSOR_SECRET: 'x'.repeat(40),
      SES_FROM_ADDRESS: 'no-reply@example.com',
    };
    expect(problemsOf(production)).toEqual([
      "SPEAKING_AUDIO_BUCKET: required in production on AWS, or a speaking test's audio would wait on the disk of whichever instance took the turn (not set)",
    ]);
    // Against DynamoDB Local (tests, a single box) the folder is allowed in production.
    expect(loadConfig({ ...production, DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' }, { rootDirectory: root }).speakingAudio.kind).toBe(
      'directory',
    );
  });

  it('uses a DynamoDB endpoint when one is given', () => {
    const config = loadConfig({ DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' }, { rootDirectory: root });
    expect(config.storage).toEqual({ kind: 'endpoint', endpoint: 'http://127.0.0.1:8000', region: 'us-east-1' });
    expect(config.dynamodbRequestTimeoutMs).toBe(5000);
    expect(loadConfig({ DYNAMODB_REQUEST_TIMEOUT_MS: '30000' }, { rootDirectory: root }).dynamodbRequestTimeoutMs).toBe(30_000);
    expect(problemsOf({ DYNAMODB_REQUEST_TIMEOUT_MS: '5' })).toEqual(['DYNAMODB_REQUEST_TIMEOUT_MS: must be at least 100 (got "5")']);
  });

  it("signs requests to an endpoint given by URL with the environment's AWS keys, else with placeholders", () => {
    expect(loadConfig({ DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' }, { rootDirectory: root }).endpointCredentials).toEqual({
      accessKeyId: 'local',
      secretAccessKey: 'local',
    });
    const keys = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'token' };
    expect(loadConfig(keys, { rootDirectory: root }).endpointCredentials).toEqual({
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'secret',
      sessionToken: 'token',
    });
    // A key without its secret is no credential: the placeholders stay.
    expect(loadConfig({ AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE' }, { rootDirectory: root }).endpointCredentials.accessKeyId).toBe('local');
  });

  it('reads the Lambda function name Lambda sets, for the dead-mail metric, and none off Lambda', () => {
    expect(loadConfig({ AWS_LAMBDA_FUNCTION_NAME: 'ielts-api' }, { rootDirectory: root }).lambdaFunctionName).toBe('ielts-api');
    expect(loadConfig({}, { rootDirectory: root }).lambdaFunctionName).toBeUndefined();
  });

  it('reuses questions and rubrics for a minute unless told otherwise', () => {
    expect(loadConfig({}, { rootDirectory: root }).contentCacheSeconds).toBe(60);
    expect(loadConfig({ CONTENT_CACHE_SECONDS: '0' }, { rootDirectory: root }).contentCacheSeconds).toBe(0);
    expect(problemsOf({ CONTENT_CACHE_SECONDS: '-1' })).toEqual([
      'CONTENT_CACHE_SECONDS: must be a whole number from 0 to 3600 (got "-1")',
    ]);
  });

  it('names every bad variable with what is wrong and what it got', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      SCRYPT_COST: '1000',
      BEDROCK_ENABLED: 'maybe',
      DYNAMODB_ENDPOINT: 'not a url',
      NODE_ENV: 'staging',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'PORT: must be a whole number from 0 to 65535 (got "eighty")',
        'SCRYPT_COST: must be a power of two from 1024 to 1048576 (got "1000")',
        'BEDROCK_ENABLED: must be true or false (got "maybe")',
        'DYNAMODB_ENDPOINT: must be an http(s) URL (got "not a url")',
        'NODE_ENV: must be development, test or production (got "staging")',
      ]),
    );
    expect(problems).toHaveLength(5);
    expect(problemsOf({ PORT: '70000' })).toEqual(['PORT: must be at most 65535 (got "70000")']);
    expect(problemsOf({ AWS_REGION: 'Ireland', SES_REGION: 'eu west 1', BEDROCK_REGION: 'us-east' })).toEqual([
      'AWS_REGION: must be an AWS region such as eu-west-2 (got "Ireland")',
      'SES_REGION: must be an AWS region such as eu-west-2 (got "eu west 1")',
      'BEDROCK_REGION: must be an AWS region such as eu-west-2 (got "us-east")',
    ]);
    for (const good of ['eu-west-2', 'us-gov-west-1', 'cn-north-1', 'ap-southeast-4', 'il-central-1']) {
      expect(loadConfig({ AWS_REGION: good, NODE_ENV: 'test' }, { rootDirectory: root }).storage).toEqual({ kind: 'aws', region: good });
    }
  });

  it('checks combinations', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'CURSOR_SECRET: required in production, at least 32 random characters (not set)',
    ]);
    expect(problemsOf({ SESSION_IDLE_TTL_SECONDS: '7200', SESSION_ABSOLUTE_TTL_SECONDS: '3600' })[0]).toMatch(
      /^SESSION_IDLE_TTL_SECONDS: must not exceed/,
    );
    expect(problemsOf({ SES_FROM_ADDRESS: 'a@b.co' })[0]).toMatch(/^SES_REGION: needed/);
  });

  it('treats blank variables as unset', () => {
    expect(loadConfig({ PORT: '', AWS_REGION: ' ' }, { rootDirectory: root }).storage.kind).toBe('embedded');
  });

  it('takes CORS origins as a list of bare origins, none by default, never a wildcard', () => {
    expect(loadConfig({}, { rootDirectory: root }).corsOrigins).toEqual([]);
    expect(
      loadConfig({ CORS_ORIGINS: ' https://App.Example.com/ , http://localhost:5173,https://app.example.com' }, { rootDirectory: root })
        .corsOrigins,
    ).toEqual(['https://app.example.com', 'http://localhost:5173']);
    const problems = problemsOf({ CORS_ORIGINS: '*,https://app.example.com/path,ftp://files.example.com' });
    expect(problems).toEqual([
      'CORS_ORIGINS: must list each origin: "*" cannot be allowed with credentials (got "*,https://app.example.com/path,ftp://files.example.com")',
      'CORS_ORIGINS: "https://app.example.com/path" is not an origin such as https://app.example.com (scheme, host and port only) (got "*,https://app.example.com/path,ftp://files.example.com")',
      'CORS_ORIGINS: "ftp://files.example.com" is not an origin such as https://app.example.com (scheme, host and port only) (got "*,https://app.example.com/path,ftp://files.example.com")',
    ]);
  });

  it("refuses Google's public test reCAPTCHA secret in production only", () => {
    const production = { NODE_ENV: 'production', CURSOR_SECRET: 'x'.repeat(40), RECAPTCHA_SECRET: GOOGLE_TEST_RECAPTCHA_SECRET };
    expect(problemsOf(production)).toEqual([
      "RECAPTCHA_SECRET: is Google's public test secret, which accepts every token: use your site's secret in production",
    ]);
    expect(loadConfig({ RECAPTCHA_SECRET: GOOGLE_TEST_RECAPTCHA_SECRET }, { rootDirectory: root }).recaptcha.secret).toBe(
      GOOGLE_TEST_RECAPTCHA_SECRET,
    );
  });

  it('takes payments through Stripe only with both its key and its webhook secret', () => {
    expect(loadConfig({}, { rootDirectory: root }).payments).toEqual({ kind: 'none' });
    expect(
      loadConfig(
        { STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_def', STRIPE_API_BASE: 'http://127.0.0.1:12111' },
        { rootDirectory: root },
      ).payments,
    ).toEqual({ kind: 'stripe', secretKey: 'sk_test_abc', webhookSecret: 'whsec_def', apiBase: 'http://127.0.0.1:12111' });
    expect(problemsOf({ STRIPE_SECRET_KEY: 'sk_test_abc' })).toEqual([
      'STRIPE_WEBHOOK_SECRET: needed with STRIPE_SECRET_KEY, or paid packs would never be granted (not set)',
    ]);
    expect(problemsOf({ STRIPE_WEBHOOK_SECRET: 'whsec_def', STRIPE_API_BASE: 'http://127.0.0.1:1' })).toEqual([
      'STRIPE_SECRET_KEY: needed with STRIPE_WEBHOOK_SECRET (not set)',
      'STRIPE_API_BASE: only used with STRIPE_SECRET_KEY, which is not set (set both, or neither)',
    ]);
    expect(problemsOf({ STRIPE_SECRET_KEY: 'pk_test_abc', STRIPE_WEBHOOK_SECRET: 'secret' })).toEqual([
      'STRIPE_SECRET_KEY: must be a Stripe secret or restricted key (sk_live_…, sk_test_…) (got "pk_test_abc")',
      'STRIPE_WEBHOOK_SECRET: must be the webhook\'s signing secret (whsec_…) (got "secret")',
    ]);
  });

  it('checks reCAPTCHA answers against the public host unless told otherwise', () => {
    expect(loadConfig({ RECAPTCHA_SECRET: 's', PUBLIC_URL: 'https://ielts.example.com/' }, { rootDirectory: root }).recaptcha).toEqual({
      secret: 's',
      verifyUrl: 'https://www.google.com/recaptcha/api/siteverify',
      hostnames: ['ielts.example.com'],
    });
  });
});

describe('the configuration table in README.md', () => {
  it('lists exactly the variables the server reads', () => {
    const readme = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
    const documented = section
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([A-Z0-9_]+)`/g)].map((match) => match[1]!));
    expect([...documented].sort()).toEqual([...CONFIG_VARIABLE_NAMES].sort());
    // Every documented variable is read through loadConfig, which checks it.
    expect(new Set(documented).size).toBe(documented.length);
  });
});
