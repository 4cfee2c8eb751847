import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

/** An S3-compatible server (s3rver) on a loopback port, with one empty bucket, and a client for it. */
export interface LocalS3 {
  /** e.g. `http://127.0.0.1:40123`. */
  endpoint: string;
  bucket: string;
  /** A path-style client with s3rver's credentials. */
  client: S3Client;
  close: () => Promise<void>;
}

/** s3rver's own credentials: it checks signatures made with them. */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** A path-style S3 client for a local endpoint, as the server makes one for `S3_ENDPOINT`. */
export function localS3Client(endpoint: string): S3Client {
  return new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: LOCAL_S3_CREDENTIALS });
}

/** Starts s3rver in this process on a free loopback port, keeping its objects in a temporary folder. */
export async function startLocalS3(bucket = 'speaking-audio-test'): Promise<LocalS3> {
  const directory = mkdtempSync(path.join(tmpdir(), 'ielts-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = localS3Client(endpoint);
  return {
    endpoint,
    bucket,
    client,
    async close() {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
