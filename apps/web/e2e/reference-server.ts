import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
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
];

/**
 * Starts `apps/server/dist/main.js` as the README's local development does: the embedded
 * DynamoDB-compatible store and the email outbox in a fresh temporary folder, the offline
 * scorers, and this app's `dist` served at `/`. Port 0 lets the system choose a free port; the
 * server prints the address it listens on.
 */
export async function startReferenceServer(options: { timeoutMs?: number } = {}): Promise<ReferenceServer> {
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
  });

  const child: ChildProcess = spawn(process.execPath, [serverEntry], { cwd: repositoryRoot, env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
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
      const timer = setTimeout(() => reject(new Error(`the server did not start within ${options.timeoutMs ?? 60_000} ms:\n${output}`)), options.timeoutMs ?? 60_000);
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
    return {
      baseUrl,
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
