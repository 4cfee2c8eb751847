import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ListObjectsCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from './logger.js';
import { loadConfig } from './config.js';
import { createRuntime, type Runtime } from './runtime.js';
import { LOCAL_S3_CREDENTIALS, startLocalS3, type LocalS3 } from './test-support/s3-server.js';
import { GOOD_PASSWORD } from './test-support/test-server.js';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('the runtime with SPEAKING_AUDIO_BUCKET and S3_ENDPOINT', () => {
  let s3: LocalS3;
  let runtime: Runtime;
  let dataDir: string;
  let s3Stopped = false;
  const saved = { ...process.env };

  beforeAll(async () => {
    s3 = await startLocalS3();
    dataDir = mkdtempSync(path.join(tmpdir(), 'ielts-runtime-s3-'));
    const config = loadConfig(
      {
        DATA_DIR: dataDir,
        SPEAKING_AUDIO_BUCKET: s3.bucket,
        S3_ENDPOINT: s3.endpoint,
        // The usual AWS credentials, for an endpoint given by URL: s3rver checks its own.
        AWS_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
        SCRYPT_COST: '1024',
        OFFLINE_GRAMMAR_CHECK: 'false',
        FREE_ASSESSMENTS_BEFORE_VERIFICATION: '1',
      },
      { rootDirectory: dataDir },
    );
    runtime = await createRuntime(config, { logger: quiet });
  });

  afterAll(async () => {
    await runtime?.close();
    process.env = saved;
    if (!s3Stopped) await s3?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const call = async (method: string, pathname: string, body?: unknown, token?: string) => {
    const response = await runtime.app.request(pathname, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return {
      status: response.status,
      json: (await response.json()) as { token?: string; assessment_id?: string; current_prompt?: { part: number; prompt_id: string } },
    };
  };

  it('says where audio goes, and keeps a turn’s recording in the bucket rather than under DATA_DIR', async () => {
    expect(runtime.description).toContain(`speaking audio: S3 bucket ${s3.bucket} at ${s3.endpoint}`);
    const email = 'runtime-s3@example.com';
    expect((await call('POST', '/api/auth/register', { email, password: GOOD_PASSWORD })).status).toBe(202);
    const login = await call('POST', '/api/auth/login', { email, password: GOOD_PASSWORD, client: 'mobile' });
    expect(login.status).toBe(200);
    const token = String(login.json.token);
    const started = await call('POST', '/api/speaking/sessions', { question_id: 'sp-001' }, token);
    expect(started.status).toBe(201);
    const id = String(started.json.assessment_id);
    const prompt = started.json.current_prompt!;
    const audio = { data: Buffer.from('a recording kept in S3').toString('base64'), mime_type: 'audio/webm' };
    const turn = await call(
      'POST',
      `/api/speaking/sessions/${id}/turns`,
      { part: prompt.part, prompt_id: prompt.prompt_id, audio, transcript: { text: 'I live in a small town by the sea.' } },
      token,
    );
    expect(turn.status).toBe(200);
    const listed = await s3.client.send(new ListObjectsCommand({ Bucket: s3.bucket, Prefix: `speaking-audio/${id}/` }));
    expect(listed.Contents?.map((object) => object.Key)).toEqual([`speaking-audio/${id}/0`]);
    expect(existsSync(path.join(dataDir, 'speaking-audio'))).toBe(false);
    // Discarding the test deletes its recordings from the bucket.
    expect((await call('DELETE', `/api/speaking/sessions/${id}`, undefined, token)).status).toBe(200);
    const after = await s3.client.send(new ListObjectsCommand({ Bucket: s3.bucket, Prefix: `speaking-audio/${id}/` }));
    expect(after.Contents ?? []).toEqual([]);
  });

  it('answers a turn with 503 and Retry-After while S3 is down, and keeps the test where it was', async () => {
    const email = 'runtime-s3-outage@example.com';
    expect((await call('POST', '/api/auth/register', { email, password: GOOD_PASSWORD })).status).toBe(202);
    const token = String((await call('POST', '/api/auth/login', { email, password: GOOD_PASSWORD, client: 'mobile' })).json.token);
    const started = await call('POST', '/api/speaking/sessions', { question_id: 'sp-001' }, token);
    const id = String(started.json.assessment_id);
    const prompt = started.json.current_prompt!;
    await s3.close();
    s3Stopped = true;
    const audio = { data: Buffer.from('a recording with nowhere to go').toString('base64'), mime_type: 'audio/webm' };
    const response = await runtime.app.request(`/api/speaking/sessions/${id}/turns`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        part: prompt.part,
        prompt_id: prompt.prompt_id,
        audio,
        transcript: { text: 'I live in a small town by the sea.' },
      }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('service_unavailable');
    // Nothing half-written: the turn was not recorded, so the same prompt is still the one to answer.
    const session = await call('GET', `/api/speaking/sessions/${id}`, undefined, token);
    expect(session.status).toBe(200);
    expect(session.json.current_prompt).toEqual(prompt);
  });
});
