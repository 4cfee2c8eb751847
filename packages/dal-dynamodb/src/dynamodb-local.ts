import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { sleep } from '@ielts-genai-prep/core';
import { DalError } from './errors.js';

/** Options for {@link startDynamoDbLocal}. */
export interface StartDynamoDbLocalOptions {
  /**
   * The folder holding `DynamoDBLocal.jar` and `DynamoDBLocal_lib/`. Default: the env
   * variable `DYNAMODB_LOCAL_DIR`, else `.cache/dynamodb-local` in the nearest folder above
   * `searchFrom` that has one.
   */
  directory?: string;
  /** Where the upward search starts. Default: `process.cwd()`. */
  searchFrom?: string;
  /** Loopback port to listen on; 0 picks a free one. Default 0. */
  port?: number;
  /** The Java executable. Default `java`. */
  java?: string;
  /** Extra JVM options, e.g. `['-Xmx512m']`. Default: none. */
  javaOptions?: string[];
  /**
   * A folder to keep the database in, so that it outlives a restart on the same folder (a test
   * that stops DynamoDB and starts it again). Default: in memory, gone when it stops.
   */
  dbPath?: string;
  /** Milliseconds to wait for it to answer. Default 30000. */
  startTimeoutMs?: number;
}

/** A running DynamoDB Local. */
export interface DynamoDbLocal {
  /** e.g. `http://127.0.0.1:8123`. */
  endpoint: string;
  /** The port it listens on. */
  port: number;
  /** Stops the JVM and waits for it to exit. */
  close: () => Promise<void>;
}

/**
 * Finds the DynamoDB Local folder (see {@link StartDynamoDbLocalOptions.directory}), or
 * undefined when there is none.
 */
export function findDynamoDbLocalDirectory(searchFrom: string = process.cwd()): string | undefined {
  const fromEnvironment = process.env.DYNAMODB_LOCAL_DIR;
  if (fromEnvironment) return existsSync(path.join(fromEnvironment, 'DynamoDBLocal.jar')) ? fromEnvironment : undefined;
  let current = path.resolve(searchFrom);
  for (;;) {
    const candidate = path.join(current, '.cache', 'dynamodb-local');
    if (existsSync(path.join(candidate, 'DynamoDBLocal.jar'))) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** A free loopback TCP port, as the OS hands them out. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    // Any HTTP answer (even "missing authentication") means the server is up.
    await fetch(endpoint, { method: 'POST', signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts the official DynamoDB Local (in memory unless `dbPath` is given, one shared database
 * for every credential and region) on a loopback port. Used by this package's tests and benchmark; any Node
 * test suite that needs real DynamoDB semantics can use it too.
 */
export async function startDynamoDbLocal(options: StartDynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const directory = options.directory ?? findDynamoDbLocalDirectory(options.searchFrom);
  if (!directory) {
    throw new DalError({
      code: 'local_dynamodb_unavailable',
      message:
        'DynamoDB Local not found: pass { directory } or set DYNAMODB_LOCAL_DIR to the folder that holds DynamoDBLocal.jar ' +
        '(it ships in the npm package amplify-dynamodb-simulator, folder emulator/; Java 17 runs it)',
    });
  }
  const port = options.port || (await findFreePort());
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn(
    options.java ?? 'java',
    [
      ...(options.javaOptions ?? []),
      `-Djava.library.path=${path.join(directory, 'DynamoDBLocal_lib')}`,
      '-jar',
      path.join(directory, 'DynamoDBLocal.jar'),
      ...(options.dbPath ? ['-dbPath', path.resolve(options.dbPath)] : ['-inMemory']),
      '-sharedDb',
      '-port',
      String(port),
    ],
    { cwd: directory, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });

  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await waitForExit(child);
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  while (!(await answers(endpoint))) {
    if (spawnError || child.exitCode !== null || Date.now() > deadline) {
      await close();
      throw new DalError({
        code: 'local_dynamodb_unavailable',
        message: `DynamoDB Local did not start on ${endpoint}: ${spawnError?.message ?? (child.exitCode === null ? 'no answer before the start timeout' : `exit code ${child.exitCode}`)}\n${output}`,
        ...(spawnError ? { cause: spawnError } : {}),
      });
    }
    await sleep(100);
  }
  return { endpoint, port, close };
}
