import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repositoryRoot = path.resolve(webDirectory, '..', '..');

/** The built web app the server serves. */
export const webDistDirectory = path.join(webDirectory, 'dist');
/** The reference server's entry point, built by `pnpm --filter @ielts-genai-prep/server build`. */
export const serverEntry = path.join(repositoryRoot, 'apps', 'server', 'dist', 'main.js');

/** A reference server running in a child process on a loopback port. */
export interface ReferenceServer {
  baseUrl: string;
  /** Everything the server wrote, for failure messages. */
  output: () => string;
  /** The emails written to the outbox so far, as text, oldest first. */
  emails: () => Promise<string[]>;
  stop: () => Promise<void>;
}

// Variables that would send the server to real AWS or providers if the shell happened to set them.
const CLEARED = [
  'AWS_REGION',
  'DYNAMODB_ENDPOINT',
  'SES_FROM_ADDRESS',
  'SES_ENDPOINT',
  'BEDROCK_ENABLED',
  'GEMINI_API_KEY',
  'RECAPTCHA_SECRET',
  'PUBLIC_URL',
  'CORS_ORIGINS',
  'TABLE_PREFIX',
  'TABLE_SUFFIX',
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'STRIPE_API_BASE',
];

/** A listening section the test hears as a recording: the reference server's content has none. */
export interface RecordedSection {
  questionId: string;
  part: number;
  /** The recording, served at `audio_url`. */
  audio: Buffer;
  mimeType: string;
  durationSeconds: number;
}

/** Options of {@link startReferenceServer}. */
export interface ReferenceServerOptions {
  timeoutMs?: number;
  /**
   * Sections to give a recording. The server is then reached through a proxy on another loopback
   * port that serves each recording and adds its `audio_url` and `audio_duration_seconds` to the
   * question as the API returns it; everything else passes through unchanged. Default none.
   */
  recordedSections?: RecordedSection[];
  /** More environment variables for the server (payment settings, a fixed PORT with its PUBLIC_URL). Default none. */
  env?: Record<string, string>;
}

/** A loopback port that was free a moment ago: for a server whose PUBLIC_URL must name its port before it starts. */
export async function findFreePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** A mono 16-bit PCM WAV of a quiet tone, `seconds` long: a recording small enough to write here. */
export function toneWav(seconds: number, sampleRate = 8000): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let index = 0; index < samples; index += 1)
    wav.writeInt16LE(Math.round(3000 * Math.sin((2 * Math.PI * 440 * index) / sampleRate)), 44 + index * 2);
  return wav;
}

const MEDIA_PREFIX = '/e2e-media/';

/** A pass-through proxy to `target` that serves the recordings and puts their addresses into the questions that have them. */
async function startRecordingProxy(
  target: URL,
  sections: readonly RecordedSection[],
): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  let baseUrl = '';
  const mediaName = (section: RecordedSection) => `${encodeURIComponent(section.questionId)}-${section.part}`;
  const server: Server = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? '/', 'http://proxy');
    const media = sections.find((section) => url.pathname === MEDIA_PREFIX + mediaName(section));
    if (media) {
      outgoing.writeHead(200, { 'content-type': media.mimeType, 'content-length': media.audio.length, 'accept-ranges': 'none' });
      outgoing.end(media.audio);
      return;
    }
    const recorded = sections.filter(
      (section) => incoming.method === 'GET' && url.pathname === `/api/questions/${encodeURIComponent(section.questionId)}`,
    );
    const headers = { ...incoming.headers, host: target.host };
    if (recorded.length > 0) delete headers['accept-encoding'];
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers },
      (answer: IncomingMessage) => {
        if (recorded.length === 0 || answer.statusCode !== 200) {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const question = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            sections: Array<{ part: number; audio_url: string | null; audio_duration_seconds: number | null }>;
          };
          for (const section of recorded) {
            const entry = question.sections.find((candidate) => candidate.part === section.part);
            if (!entry) continue;
            entry.audio_url = `${baseUrl}${MEDIA_PREFIX}${mediaName(section)}`;
            entry.audio_duration_seconds = section.durationSeconds;
          }
          const body = Buffer.from(JSON.stringify(question));
          const { 'content-length': _length, ...rest } = answer.headers;
          outgoing.writeHead(200, { ...rest, 'content-length': body.length });
          outgoing.end(body);
        });
      },
    );
    upstream.on('error', (error) => {
      outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end(`proxy: ${error.message}`);
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Starts `apps/server/dist/main.js` as the README's local development does: the embedded
 * DynamoDB-compatible store and the email outbox in a fresh temporary folder, the offline
 * scorers, and this app's `dist` served at `/`. Port 0 lets the system choose a free port; the
 * server prints the address it listens on.
 */
export async function startReferenceServer(options: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  if (!existsSync(serverEntry)) {
    throw new Error(`The reference server is not built (${serverEntry} is missing): run pnpm --filter @ielts-genai-prep/server build`);
  }
  if (!existsSync(path.join(webDistDirectory, 'index.html'))) {
    throw new Error(`The web app is not built (${webDistDirectory}/index.html is missing): run pnpm --filter @ielts-genai-prep/web build`);
  }
  const dataDirectory = await mkdtemp(path.join(tmpdir(), 'ielts-web-e2e-'));
  const outboxDirectory = path.join(dataDirectory, 'outbox');
  const environment: Record<string, string> = { ...(process.env as Record<string, string>) };
  for (const name of CLEARED) delete environment[name];
  Object.assign(environment, {
    NODE_ENV: 'development',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDirectory,
    OUTBOX_DIR: outboxDirectory,
    WEB_DIST_DIR: webDistDirectory,
    // The smallest scrypt cost the server accepts keeps sign-up fast in a test.
    SCRYPT_COST: '1024',
    COOKIE_SECURE: 'false',
    ...options.env,
  });

  const child: ChildProcess = spawn(process.execPath, [serverEntry], {
    cwd: repositoryRoot,
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  let proxy: { baseUrl: string; close: () => Promise<void> } | null = null;
  const stop = async () => {
    await proxy?.close();
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDirectory, { recursive: true, force: true });
  };

  try {
    const baseUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the server did not start within ${options.timeoutMs ?? 60_000} ms:\n${output}`)),
        options.timeoutMs ?? 60_000,
      );
      const check = () => {
        const match = /listening on (http:\/\/[^\s]+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout?.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited with code ${code} before listening:\n${output}`));
      });
    });
    const health = await fetch(`${baseUrl}/health`);
    if (!health.ok) throw new Error(`/health answered ${health.status}`);
    if (options.recordedSections?.length) proxy = await startRecordingProxy(new URL(baseUrl), options.recordedSections);
    return {
      baseUrl: proxy?.baseUrl ?? baseUrl,
      output: () => output,
      emails: async () => {
        if (!existsSync(outboxDirectory)) return [];
        const names = (await readdir(outboxDirectory)).filter((name) => name.endsWith('.eml')).sort();
        return Promise.all(names.map((name) => readFile(path.join(outboxDirectory, name), 'utf8')));
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
