import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DeleteObjectsCommand, GetObjectCommand, ListObjectsCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { audioInputSchema, type SpeakingTurnInput } from '@ielts-genai-prep/core';
import { PRIVATE_DIRECTORY_MODE, PRIVATE_FILE_MODE } from './private-files.js';
import { ServerError } from './server-error.js';

type Audio = NonNullable<SpeakingTurnInput['audio']>;

/**
 * Keeps the audio of speaking turns until the test is scored. Audio is too large for a DynamoDB
 * item (400 KB), so the assessment keeps transcripts and this store keeps the recordings. Every
 * instance of the server must reach the same store: a test's turns may be answered by different
 * instances, and the one that scores it reads them all.
 */
export interface SpeakingAudioStore {
  /** Stores a turn's audio (a turn answered again replaces it). */
  put(assessmentId: string, turnIndex: number, audio: Audio): Promise<void>;
  /** A turn's audio, or undefined when none is stored for it. */
  get(assessmentId: string, turnIndex: number): Promise<Audio | undefined>;
  /** Forgets a test's audio once it is scored or discarded (nothing stored is fine). */
  delete(assessmentId: string): Promise<void>;
}

/** An assessment id as one path segment: nothing in it can climb out of the store's folder or prefix. */
function segment(assessmentId: string): string {
  return assessmentId.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^\.+$/, '_');
}

/** Whether an error is Node's "no such file or folder". */
function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}

/**
 * A {@link SpeakingAudioStore} in a local folder, one JSON file per turn: the embedded default,
 * for one instance (the one-command start, a single server). Instances on other machines, or
 * Lambda instances with their own `/tmp`, would each see only their own turns: use
 * {@link createS3SpeakingAudioStore} there.
 */
export function createFileSpeakingAudioStore(directory: string): SpeakingAudioStore {
  const folder = (assessmentId: string) => path.join(directory, segment(assessmentId));
  return {
    async put(assessmentId, turnIndex, audio) {
      await mkdir(folder(assessmentId), { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
      await writeFile(path.join(folder(assessmentId), `${turnIndex}.json`), JSON.stringify(audio), { mode: PRIVATE_FILE_MODE });
    },
    async get(assessmentId, turnIndex) {
      let text: string;
      try {
        text = await readFile(path.join(folder(assessmentId), `${turnIndex}.json`), 'utf8');
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
      return audioInputSchema.parse(JSON.parse(text));
    },
    async delete(assessmentId) {
      await rm(folder(assessmentId), { recursive: true, force: true });
    },
  };
}

/** Options for {@link createS3SpeakingAudioStore}. */
export interface S3SpeakingAudioStoreOptions {
  /** An S3 client (the caller owns region, endpoint and credentials). */
  client: S3Client;
  /** The bucket (private; see infra/ for one with encryption and a lifecycle expiry). */
  bucket: string;
  /** Put before every object key. Default `speaking-audio/`. */
  prefix?: string;
  /**
   * Milliseconds to wait for one S3 request before giving up (the AWS SDK waits forever by
   * default, and a turn's answer waits for its audio to be stored). Default 15000.
   */
  timeoutMs?: number;
  /** Keys listed per page when a test's audio is deleted. Default 1000 (S3's most). */
  pageSize?: number;
}

/**
 * Whether an S3 failure is an outage a retry may outlive: no answer in time, no connection, S3
 * throttling or its 5xx. Anything else (access denied, no such bucket) is a setup fault: a 500.
 */
function isS3Outage(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, $metadata } = error as { name?: unknown; code?: unknown; $metadata?: { httpStatusCode?: number } };
  if (name === 'AbortError' || name === 'TimeoutError' || name === 'SlowDown' || name === 'ServiceUnavailable') return true;
  if (typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND'].includes(code))
    return true;
  const status = $metadata?.httpStatusCode;
  return status !== undefined && (status >= 500 || status === 429);
}

/** Runs one S3 call; an outage becomes a 503 with Retry-After, so the learner retries instead of meeting a 500. */
async function duringOutage<Result>(call: () => Promise<Result>): Promise<Result> {
  try {
    return await call();
  } catch (error) {
    if (!isS3Outage(error)) throw error;
    throw new ServerError('service_unavailable', 'Recordings cannot be stored or read right now: try again in a moment', {
      headers: { 'retry-after': '5' },
      cause: error,
    });
  }
}

/** S3 deletes at most this many keys per DeleteObjects request. */
const DELETE_BATCH = 1000;

/**
 * A {@link SpeakingAudioStore} on S3: one object per turn (`<prefix><assessment id>/<turn>`),
 * its body the recording's bytes and its `Content-Type` the recording's MIME type, so every
 * instance sees every turn. Deleting a test lists its prefix (every page) and deletes what is
 * there; the bucket's lifecycle rule removes what a test left behind (never scored nor discarded).
 */
export function createS3SpeakingAudioStore(options: S3SpeakingAudioStoreOptions): SpeakingAudioStore {
  const { client, bucket } = options;
  const prefix = options.prefix ?? 'speaking-audio/';
  const timeoutMs = options.timeoutMs ?? 15_000;
  const pageSize = options.pageSize ?? 1000;
  const folder = (assessmentId: string) => `${prefix}${segment(assessmentId)}/`;
  const keyOf = (assessmentId: string, turnIndex: number) => `${folder(assessmentId)}${turnIndex}`;
  const signal = () => ({ abortSignal: AbortSignal.timeout(timeoutMs) });

  return {
    async put(assessmentId, turnIndex, audio) {
      await duringOutage(() =>
        client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: keyOf(assessmentId, turnIndex),
            Body: Buffer.from(audio.data, 'base64'),
            ContentType: audio.mime_type,
          }),
          signal(),
        ),
      );
    },

    async get(assessmentId, turnIndex) {
      let bytes: Uint8Array;
      let contentType: string | undefined;
      try {
        const output = await duringOutage(async () => {
          const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(assessmentId, turnIndex) }), signal());
          return { body: await answer.Body?.transformToByteArray(), contentType: answer.ContentType };
        });
        if (!output.body) return undefined;
        bytes = output.body;
        contentType = output.contentType;
      } catch (error) {
        if ((error as { name?: unknown }).name === 'NoSuchKey') return undefined;
        throw error;
      }
      // What S3 hands back is checked like any other input before a scorer sees it.
      return audioInputSchema.parse({ data: Buffer.from(bytes).toString('base64'), mime_type: contentType });
    },

    async delete(assessmentId) {
      // ListObjects (version 1) pages by the last key seen, which S3 and every S3-compatible
      // server support; s3rver's ListObjectsV2 continuation tokens use DES, which Node's OpenSSL 3
      // refuses, so a version 2 listing of more than one page fails there.
      const keys: string[] = [];
      let marker: string | undefined;
      for (;;) {
        const page = await duringOutage(() =>
          client.send(
            new ListObjectsCommand({
              Bucket: bucket,
              Prefix: folder(assessmentId),
              MaxKeys: pageSize,
              ...(marker ? { Marker: marker } : {}),
            }),
            signal(),
          ),
        );
        const found = (page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : []));
        keys.push(...found);
        if (!page.IsTruncated || found.length === 0) break;
        marker = found.at(-1);
      }
      for (let start = 0; start < keys.length; start += DELETE_BATCH) {
        const batch = keys.slice(start, start + DELETE_BATCH);
        const output = await duringOutage(() =>
          client.send(
            new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
            signal(),
          ),
        );
        const failed = output.Errors ?? [];
        if (failed.length > 0) {
          throw new Error(
            `S3 kept ${failed.length} of ${batch.length} audio objects of ${assessmentId}: ${failed[0]?.Code ?? 'unknown'} ${failed[0]?.Message ?? ''}`.trim(),
          );
        }
      }
    },
  };
}
