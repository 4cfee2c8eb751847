// The real reference server (apps/server's build, `dist/main.js`) in a child process on loopback,
// started as the README's local development starts it: the embedded DynamoDB-compatible store and
// the email outbox in a fresh temporary folder, the offline scorers. Nothing here knows the
// server's rules: registration, sessions, allowances, scoring and the speaking workflow are the
// server's own.
//
// The app talks to it through a small recording proxy on another loopback port, so a test can read
// what the app sent and what came back (`requestsTo('auth.login')`). The proxy passes everything
// through unchanged, except when a test scripts one call (`scriptOnce`) to fail in a way a healthy
// server on loopback never does: a connection cut after the server did the work, or an answer the
// proxy gives itself (a busy scorer's 503, a 400 with details the api-client's own checks would
// never let through). Those are network and load conditions, not server rules.
import { listRoutes } from '@ielts-genai-prep/core';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
// Real time even where a test has Jest's fake timers on.
import { setTimeout as realDelay } from 'node:timers/promises';

/** A request the proxy passed to the server (or answered itself, when scripted). */
export interface RecordedRequest {
  /** The contract endpoint, `auth.login`; `unknown` when no route matched. */
  endpoint: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The body parsed as JSON; undefined when empty. */
  body: unknown;
  /** The status of the answer; 0 when the proxy cut the connection instead of passing it on. Set once answered. */
  status?: number;
  /** The JSON of the answer. */
  response?: unknown;
}

/**
 * What a test scripts for the next call of one endpoint: `dropAnswer` passes the request to the
 * server as usual, then cuts the connection before its answer reaches the app (the client sees a
 * network error although the server did the work); `{ status, json }` is answered by the proxy
 * without asking the server.
 */
export type ScriptedReply = { dropAnswer: true } | { status: number; json: unknown };

/** One email the server wrote to its outbox. */
export interface OutboxEmail {
  to: string;
  subject: string;
  /** The plain-text body (links included). */
  text: string;
}

/**
 * A listening section the app should find recorded. The reference server's content has no
 * recordings yet, so the proxy adds `audio_url` (served by the proxy) and `audio_duration_seconds`
 * to that section of the question as the API returns it, as the web app's end-to-end test does.
 */
export interface RecordedSection {
  questionId: string;
  part: number;
  durationSeconds: number;
}

/** Options of {@link startReferenceServer}. */
export interface ReferenceServerOptions {
  /** Listening sections to give a recording. Default none. */
  recordedSections?: RecordedSection[];
  /** More environment variables for the server (see apps/server/README.md), e.g. `FREE_ASSESSMENTS_PER_TYPE`. */
  environment?: Record<string, string>;
  /** Milliseconds to wait for the server to listen. Default 60000 (a busy two-core machine). */
  timeoutMs?: number;
}

/** The running server and the proxy in front of it. */
export interface ReferenceServer {
  /** The proxy's address: what the app is given. */
  url: string;
  /** The server's own address, for test helpers whose calls should not be recorded. */
  directUrl: string;
  requests: RecordedRequest[];
  requestsTo(endpoint: string): RecordedRequest[];
  /** The last request to `endpoint` once it has been answered; throws before (for `waitFor`). */
  answered(endpoint: string): RecordedRequest;
  scriptOnce(endpoint: string, reply: ScriptedReply): void;
  /** The emails sent to `to` so far, oldest first. */
  emailsTo(to: string): Promise<OutboxEmail[]>;
  /** Waits until an email to `to` has a link with `linkPath` (`/verify-email`), and returns the newest such link. */
  linkSentTo(to: string, linkPath: string, timeoutMs?: number): Promise<URL>;
  /** Everything the server printed, for failure messages. */
  output(): string;
  close(): Promise<void>;
}

/** The built server's entry point, found through the workspace dependency (run `pnpm turbo run build --filter=@ielts-genai-prep/mobile^...`). */
export function serverEntry(): string {
  return path.join(path.dirname(require.resolve('@ielts-genai-prep/server/package.json')), 'dist', 'main.js');
}

const ROUTES = listRoutes().map(({ group, name, route }) => ({
  endpoint: `${group}.${name}`,
  method: route.method,
  pattern: new RegExp(`^${route.path.replace(/:([A-Za-z_]+)/g, '[^/]+')}$`),
}));

function endpointOf(method: string, pathname: string): string {
  return ROUTES.find((route) => route.method === method && route.pattern.test(pathname))?.endpoint ?? 'unknown';
}

function parseJson(buffer: Buffer): unknown {
  if (buffer.length === 0) return undefined;
  try {
    return JSON.parse(buffer.toString('utf8'));
  } catch {
    return buffer.toString('utf8');
  }
}

function collect(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** Reads an outbox `.eml` file: its `To` and `Subject` headers and the plain-text body after the blank line. */
function parseEmail(content: string): OutboxEmail {
  const [head = '', ...body] = content.replace(/\r\n/g, '\n').split('\n\n');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1]?.trim() ?? '';
  return { to: header('To'), subject: header('Subject'), text: body.join('\n\n') };
}

const MEDIA_PREFIX = '/test-media/';
const mediaName = (section: RecordedSection) => `${encodeURIComponent(section.questionId)}-${section.part}.wav`;

const littleEndian = (bytes: 2 | 4, value: number) => {
  const buffer = Buffer.alloc(bytes);
  if (bytes === 2) buffer.writeUInt16LE(value);
  else buffer.writeUInt32LE(value);
  return buffer;
};

/** A second of silence as a mono 16-bit PCM WAV file: what the proxy serves at a recorded section's `audio_url`. */
function silentWav(sampleRate = 8000): Buffer {
  const samples = Buffer.alloc(sampleRate * 2);
  const format = [
    littleEndian(2, 1),
    littleEndian(2, 1),
    littleEndian(4, sampleRate),
    littleEndian(4, sampleRate * 2),
    littleEndian(2, 2),
    littleEndian(2, 16),
  ];
  return Buffer.concat([
    Buffer.from('RIFF'),
    littleEndian(4, 36 + samples.length),
    Buffer.from('WAVEfmt '),
    littleEndian(4, 16),
    ...format,
    Buffer.from('data'),
    littleEndian(4, samples.length),
    samples,
  ]);
}

function withRecordings(question: unknown, sections: readonly RecordedSection[], proxyUrl: string): unknown {
  const sectionsOf =
    (question as { sections?: Array<{ part: number; audio_url: string | null; audio_duration_seconds: number | null }> }).sections ?? [];
  for (const recorded of sections) {
    const section = sectionsOf.find((candidate) => candidate.part === recorded.part);
    if (!section) continue;
    section.audio_url = `${proxyUrl}${MEDIA_PREFIX}${mediaName(recorded)}`;
    section.audio_duration_seconds = recorded.durationSeconds;
  }
  return question;
}

async function startProxy(
  target: URL,
  requests: RecordedRequest[],
  scripts: Map<string, ScriptedReply[]>,
  recordedSections: readonly RecordedSection[],
): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  let proxyUrl = '';
  const server: Server = createServer((incoming, outgoing) => {
    void (async () => {
      const url = new URL(incoming.url ?? '/', 'http://proxy');
      const method = incoming.method ?? 'GET';
      if (url.pathname.startsWith(MEDIA_PREFIX) && recordedSections.some((section) => url.pathname === MEDIA_PREFIX + mediaName(section))) {
        const wav = silentWav();
        outgoing.writeHead(200, { 'content-type': 'audio/wav', 'content-length': wav.length });
        outgoing.end(wav);
        return;
      }
      const recordedHere = recordedSections.filter(
        (section) => method === 'GET' && url.pathname === `/api/questions/${encodeURIComponent(section.questionId)}`,
      );
      const requestBody = await collect(incoming);
      const recorded: RecordedRequest = {
        endpoint: endpointOf(method, url.pathname),
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: incoming.headers,
        body: parseJson(requestBody),
      };
      requests.push(recorded);
      const script = scripts.get(recorded.endpoint)?.shift();
      if (script && 'status' in script) {
        const body = Buffer.from(JSON.stringify(script.json));
        recorded.status = script.status;
        recorded.response = script.json;
        outgoing.writeHead(script.status, { 'content-type': 'application/json', 'content-length': body.length });
        outgoing.end(body);
        return;
      }
      // Plain answers are easier to record: the server gzips large ones only for clients that ask.
      const { 'accept-encoding': _encoding, ...headers } = incoming.headers;
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, method, path: incoming.url, headers: { ...headers, host: target.host } },
        (answer) => {
          void collect(answer).then((upstreamBody) => {
            let answerBody = upstreamBody;
            let answerHeaders = answer.headers;
            if (recordedHere.length > 0 && answer.statusCode === 200) {
              answerBody = Buffer.from(JSON.stringify(withRecordings(parseJson(upstreamBody), recordedHere, proxyUrl)));
              answerHeaders = { ...answer.headers, 'content-length': String(answerBody.length) };
            }
            recorded.response = parseJson(answerBody);
            if (script) {
              // The server did the work; the app never hears about it.
              recorded.status = 0;
              incoming.socket.destroy();
              return;
            }
            recorded.status = answer.statusCode ?? 0;
            outgoing.writeHead(answer.statusCode ?? 502, answerHeaders);
            outgoing.end(answerBody);
          });
        },
      );
      upstream.on('error', (error) => {
        recorded.status = 502;
        outgoing.writeHead(502, { 'content-type': 'text/plain' });
        outgoing.end(`proxy: ${error.message}`);
      });
      upstream.end(requestBody);
    })();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: proxyUrl,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The address the server prints once it listens (`… listening on http://127.0.0.1:PORT`), read line by line. */
function addressPrinted(child: ChildProcess, timeoutMs: number, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const settle = (outcome: () => void) => {
      clearTimeout(deadline);
      child.off('exit', exitedEarly);
      lines.off('line', read);
      outcome();
    };
    const exitedEarly = (code: number | null) =>
      settle(() => reject(new Error(`the server exited with code ${code} before listening:\n${output()}`)));
    const read = (line: string) => {
      const address = /listening on (http:\/\/\S+)/.exec(line)?.[1];
      if (address) settle(() => resolve(address));
    };
    const deadline = setTimeout(
      () => settle(() => reject(new Error(`no address printed within ${timeoutMs} ms:\n${output()}`))),
      timeoutMs,
    );
    child.once('exit', exitedEarly);
    lines.on('line', read);
  });
}

/** Asks the server to stop (it closes its store on SIGTERM), and kills it when it has not within five seconds. */
async function endProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exit = once(child, 'exit');
  child.kill('SIGTERM');
  const hardStop = setTimeout(() => child.kill('SIGKILL'), 5_000);
  try {
    await exit;
  } finally {
    clearTimeout(hardStop);
  }
}

/**
 * Starts the reference server on a free loopback port with a fresh embedded store and outbox, and
 * the recording proxy in front of it. Settings for a test machine: the smallest scrypt cost the
 * server accepts (sign-up in milliseconds), one hashing thread, limits on registrations and
 * failed logins high enough for a test file's learners, and the offline writing scorer without
 * its Harper grammar check (which takes several seconds of one core to load; spelling
 * corrections remain).
 */
export async function startReferenceServer(options: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  const entry = serverEntry();
  if (!existsSync(entry)) {
    throw new Error(
      `The reference server is not built (${entry} is missing): run pnpm turbo run build --filter=@ielts-genai-prep/mobile^...`,
    );
  }
  const dataDirectory = await mkdtemp(path.join(tmpdir(), 'ielts-mobile-test-'));
  const outboxDirectory = path.join(dataDirectory, 'outbox');
  // None of the shell's own variables: an AWS, Gemini or reCAPTCHA setting there must not reach this server.
  const environment: Record<string, string> = Object.assign(
    { PATH: process.env.PATH ?? '', TMPDIR: tmpdir() },
    {
      NODE_ENV: 'development',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDirectory,
      OUTBOX_DIR: outboxDirectory,
      // No web app to serve.
      WEB_DIST_DIR: path.join(dataDirectory, 'no-web-app'),
      SCRYPT_COST: '1024',
      HASH_THREADS: '1',
      REGISTRATIONS_PER_CLIENT_PER_HOUR: '100000',
      LOGIN_MAX_FAILURES_PER_CLIENT: '100000',
      OFFLINE_GRAMMAR_CHECK: 'false',
      // DynamoDB requests on a loaded machine can take a while; do not turn them into 503s.
      DYNAMODB_REQUEST_TIMEOUT_MS: '30000',
    },
    options.environment,
  );

  const repositoryRoot = path.resolve(path.dirname(entry), '..', '..', '..');
  const child: ChildProcess = spawn(process.execPath, [entry], {
    cwd: repositoryRoot,
    env: environment as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const printed: string[] = [];
  const output = () => printed.join('');
  for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => printed.push(chunk.toString()));

  const requests: RecordedRequest[] = [];
  const scripts = new Map<string, ScriptedReply[]>();
  let proxy: { url: string; close: () => Promise<void> } | null = null;
  const stop = async () => {
    await proxy?.close();
    await endProcess(child);
    await rm(dataDirectory, { recursive: true, force: true });
  };

  try {
    const directUrl = await addressPrinted(child, options.timeoutMs ?? 60_000, output);
    const health = await fetch(`${directUrl}/health`);
    if (!health.ok) throw new Error(`/health answered ${health.status}`);
    proxy = await startProxy(new URL(directUrl), requests, scripts, options.recordedSections ?? []);

    const emailsTo = async (to: string) => {
      if (!existsSync(outboxDirectory)) return [];
      const names = (await readdir(outboxDirectory)).filter((name) => name.endsWith('.eml')).sort();
      const emails = await Promise.all(names.map(async (name) => parseEmail(await readFile(path.join(outboxDirectory, name), 'utf8'))));
      return emails.filter((email) => email.to.toLowerCase().includes(to.toLowerCase()));
    };

    return {
      url: proxy.url,
      directUrl,
      requests,
      requestsTo: (endpoint) => requests.filter((request) => request.endpoint === endpoint),
      answered(endpoint) {
        const last = requests.filter((request) => request.endpoint === endpoint).at(-1);
        if (!last || last.status === undefined) throw new Error(`no answered request to ${endpoint} yet`);
        return last;
      },
      scriptOnce(endpoint, reply) {
        scripts.set(endpoint, [...(scripts.get(endpoint) ?? []), reply]);
      },
      emailsTo,
      async linkSentTo(to, linkPath, timeoutMs = 15_000) {
        const started = Date.now();
        const pattern = new RegExp(`https?://\\S+${linkPath.replace(/[/.]/g, '\\$&')}\\?\\S+`, 'g');
        for (;;) {
          const links = (await emailsTo(to)).flatMap((email) => email.text.match(pattern) ?? []);
          const newest = links.at(-1);
          if (newest) return new URL(newest);
          if (Date.now() - started > timeoutMs) throw new Error(`no email to ${to} with a ${linkPath} link within ${timeoutMs} ms`);
          await realDelay(50);
        }
      },
      output,
      close: stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
