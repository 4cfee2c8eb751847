import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerError } from './server-error.js';
import { createFileSpeakingAudioStore, createS3SpeakingAudioStore, type SpeakingAudioStore } from './speaking-audio-store.js';
import { startLocalS3, type LocalS3 } from './test-support/s3-server.js';
import { closedPort, startSilentServer } from './test-support/loopback-server.js';

const audio = (bytes: Buffer, mime_type: 'audio/webm' | 'audio/mpeg' = 'audio/webm') => ({ data: bytes.toString('base64'), mime_type });

/** A store and a second one on the same place (another instance), for the shared contract. */
interface Backend {
  store: SpeakingAudioStore;
  /** Another instance's store on the same folder or bucket. */
  other: SpeakingAudioStore;
  /** A store on the same place that lists a few keys per page, so deleting walks several pages. */
  paged: SpeakingAudioStore;
  close: () => Promise<void>;
}

const backends: Array<[string, () => Promise<Backend>]> = [
  [
    'a local folder',
    async () => {
      const directory = mkdtempSync(path.join(tmpdir(), 'ielts-audio-store-'));
      const store = createFileSpeakingAudioStore(directory);
      return {
        store,
        other: createFileSpeakingAudioStore(directory),
        paged: createFileSpeakingAudioStore(directory),
        close: async () => rmSync(directory, { recursive: true, force: true }),
      };
    },
  ],
  [
    'S3 (s3rver on loopback)',
    async () => {
      const s3 = await startLocalS3();
      return {
        store: createS3SpeakingAudioStore({ client: s3.client, bucket: s3.bucket }),
        other: createS3SpeakingAudioStore({ client: s3.client, bucket: s3.bucket }),
        paged: createS3SpeakingAudioStore({ client: s3.client, bucket: s3.bucket, pageSize: 2 }),
        close: s3.close,
      };
    },
  ],
];

describe.each(backends)('the speaking audio store on %s', (_name, start) => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await start();
  });
  afterAll(async () => {
    await backend?.close();
  });
  const newId = () => `asm-${randomUUID()}`;

  it('gives back each turn’s audio as it was stored, bytes and type, and nothing for a turn without', async () => {
    const id = newId();
    const first = audio(randomBytes(1024));
    // Every byte value, and an MPEG recording of a few megabytes.
    const second = audio(
      Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, index) => index)), randomBytes(3 * 1024 * 1024)]),
      'audio/mpeg',
    );
    await backend.store.put(id, 0, first);
    await backend.store.put(id, 2, second);
    expect(await backend.store.get(id, 0)).toEqual(first);
    expect(await backend.store.get(id, 2)).toEqual(second);
    expect(await backend.store.get(id, 1)).toBeUndefined();
    expect(await backend.store.get(newId(), 0)).toBeUndefined();
  });

  it('replaces a turn answered again', async () => {
    const id = newId();
    await backend.store.put(id, 0, audio(Buffer.from('first take')));
    const second = audio(Buffer.from('second take'), 'audio/mpeg');
    await backend.store.put(id, 0, second);
    expect(await backend.store.get(id, 0)).toEqual(second);
  });

  it('shares every turn with another instance on the same store: turns stored by either are read by both', async () => {
    const id = newId();
    const turns = Array.from({ length: 6 }, (_, index) => audio(Buffer.from(`turn ${index} ${randomUUID()}`)));
    for (const [index, turn] of turns.entries()) await (index % 2 === 0 ? backend.store : backend.other).put(id, index, turn);
    for (const [index, turn] of turns.entries()) {
      expect(await backend.store.get(id, index)).toEqual(turn);
      expect(await backend.other.get(id, index)).toEqual(turn);
    }
    await backend.other.delete(id);
    expect(await backend.store.get(id, 0)).toBeUndefined();
  });

  it('deletes every turn of one test, across pages, and leaves other tests alone', async () => {
    const id = newId();
    const neighbour = newId();
    for (let index = 0; index < 7; index += 1) await backend.store.put(id, index, audio(Buffer.from(`turn ${index}`)));
    // A test whose id starts with the first's must not lose its audio with it.
    const kept = audio(Buffer.from('kept'));
    await backend.store.put(neighbour, 0, kept);
    await backend.store.put(`${id}0`, 0, kept);
    await backend.paged.delete(id);
    for (let index = 0; index < 7; index += 1) expect(await backend.store.get(id, index)).toBeUndefined();
    expect(await backend.store.get(neighbour, 0)).toEqual(kept);
    expect(await backend.store.get(`${id}0`, 0)).toEqual(kept);
    // Deleting a test with nothing stored is fine.
    await backend.store.delete(id);
    await backend.store.delete(newId());
  });

  it('keeps an id with path characters inside the store', async () => {
    for (const id of ['..', '../escape', 'a/b', '.']) {
      const stored = audio(Buffer.from(`id ${id}`));
      await backend.store.put(id, 0, stored);
      expect(await backend.store.get(id, 0)).toEqual(stored);
      await backend.store.delete(id);
      expect(await backend.store.get(id, 0)).toBeUndefined();
    }
  });
});

describe('the file store', () => {
  it('keeps audio in the folder it was given, one file per turn, and nothing outside it', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'ielts-audio-files-'));
    try {
      const directory = path.join(root, 'speaking-audio');
      const store = createFileSpeakingAudioStore(directory);
      await store.put('../escape', 0, audio(Buffer.from('x')));
      await store.put('asm-1', 3, audio(Buffer.from('y')));
      expect(readdirSync(root)).toEqual(['speaking-audio']);
      expect(readdirSync(path.join(directory, 'asm-1'))).toEqual(['3.json']);
      await store.delete('asm-1');
      expect(existsSync(path.join(directory, 'asm-1'))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the S3 store', () => {
  let s3: LocalS3;
  beforeAll(async () => {
    s3 = await startLocalS3();
  });
  afterAll(async () => {
    await s3?.close();
  });

  it('stores a turn as one object of the recording’s bytes with its MIME type, under the prefix', async () => {
    const store = createS3SpeakingAudioStore({ client: s3.client, bucket: s3.bucket, prefix: 'audio/' });
    const bytes = randomBytes(2048);
    await store.put('asm-object', 4, audio(bytes, 'audio/mpeg'));
    const listed = await s3.client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: 'audio/' }));
    expect(listed.Contents?.map((object) => object.Key)).toEqual(['audio/asm-object/4']);
    const object = await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: 'audio/asm-object/4' }));
    expect(object.ContentType).toBe('audio/mpeg');
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(bytes)).toBe(true);
  });

  it('refuses an object that is not a recording it could have stored, rather than hand it to a scorer', async () => {
    const store = createS3SpeakingAudioStore({ client: s3.client, bucket: s3.bucket });
    await s3.client.send(
      new PutObjectCommand({ Bucket: s3.bucket, Key: 'speaking-audio/asm-odd/0', Body: 'text', ContentType: 'text/html' }),
    );
    await expect(store.get('asm-odd', 0)).rejects.toThrow(/mime_type/);
  });

  it('answers 503 while S3 is down (connection refused), and a setup fault (no such bucket) stays a plain error', async () => {
    const port = await closedPort();
    const { localS3Client } = await import('./test-support/s3-server.js');
    const down = localS3Client(`http://127.0.0.1:${port}`);
    try {
      const store = createS3SpeakingAudioStore({ client: down, bucket: 'any', timeoutMs: 5_000 });
      // Each call made only when awaited: a rejection waiting in an array would be unhandled.
      for (const attempt of [
        () => store.put('asm-1', 0, { data: 'AAAA', mime_type: 'audio/webm' }),
        () => store.get('asm-1', 0),
        () => store.delete('asm-1'),
      ]) {
        const error = await attempt().catch((caught: unknown) => caught);
        expect(ServerError.isInstance(error) && error.code, String(error)).toBe('service_unavailable');
      }
    } finally {
      down.destroy();
    }
    const missingBucket = createS3SpeakingAudioStore({ client: s3.client, bucket: 'no-such-bucket' });
    const error = await missingBucket.put('asm-1', 0, { data: 'AAAA', mime_type: 'audio/webm' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(ServerError.isInstance(error)).toBe(false);
  });

  it('fails a request S3 does not answer in time, rather than wait for ever', async () => {
    const silent = await startSilentServer();
    const { localS3Client } = await import('./test-support/s3-server.js');
    const client = localS3Client(silent.url);
    try {
      const store = createS3SpeakingAudioStore({ client, bucket: 'any', timeoutMs: 200 });
      const outage = await store.get('asm-1', 0).catch((error: unknown) => error);
      // An outage is a 503 the learner can retry after, with what S3 did kept as the cause.
      expect(ServerError.isInstance(outage) && outage.code).toBe('service_unavailable');
      expect((outage as ServerError).headers).toEqual({ 'retry-after': '5' });
      expect(String((outage as ServerError).cause)).toMatch(/abort/i);
    } finally {
      client.destroy();
      await silent.close();
    }
  });
});
