import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { createBoundedWorkQueue, WorkQueueFullError } from './bounded-work-queue.js';
import type { ScryptTask } from './scrypt-worker.js';
import { ServerError } from './server-error.js';

/** Hashes and verifies passwords. */
export interface PasswordHasher {
  /** A self-describing hash: `scrypt$N$r$p$salt$hash` (base64). */
  hash(password: string): Promise<string>;
  /** Whether the password matches the hash. A malformed hash never matches. */
  verify(password: string, encoded: string): Promise<boolean>;
  /**
   * Spends the time a real verification takes, against a hash of no account, so that an
   * unknown email answers as slowly as a wrong password. Always false.
   */
  verifyDummy(password: string): Promise<false>;
  /** Makes the dummy hash now, so that the first unknown email is not slower than later ones. */
  warmUp(): Promise<void>;
  /** True when the hash was made with other parameters than the current ones (rehash on login). */
  needsRehash(encoded: string): boolean;
  /** Hashes running and waiting for a thread now (a full line refuses the next with a 503). */
  readonly load: { running: number; waiting: number };
  /** Stops the worker threads (tests, shutdown). */
  close(): Promise<void>;
}

/** Derives a scrypt key; the default runs in the hashing pool's worker threads. */
export type ScryptDerivation = (task: ScryptTask) => Promise<Uint8Array>;

/** Options for {@link createPasswordHasher}. */
export interface PasswordHasherOptions {
  /** scrypt's CPU/memory cost N, a power of two. Default 2^17 (OWASP). Tests use 2^10. */
  cost?: number;
  /** Block size r. Default 8 (OWASP). */
  blockSize?: number;
  /** Parallelisation p. Default 1 (OWASP). */
  parallelization?: number;
  /** Hashes computed at once (worker threads). Default: the CPU count less one, at least one. */
  threads?: number;
  /** Hashes that may wait for a thread; beyond it a request gets a 503 at once. Default 8 per thread. */
  maxWaiting?: number;
  /** The `Retry-After` of that 503, in seconds. Default 1. */
  retryAfterSeconds?: number;
  /** Replaces the worker pool (tests inject a slow one to control timing). Default piscina threads. */
  derive?: ScryptDerivation;
}

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function parse(encoded: string): { cost: number; blockSize: number; parallelization: number; salt: Buffer; key: Buffer } | undefined {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [cost, blockSize, parallelization] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![cost, blockSize, parallelization].every((value) => Number.isInteger(value) && value > 0)) return undefined;
  if (cost > 2 ** 20 || blockSize > 32 || parallelization > 16) return undefined;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const key = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length === 0 || key.length !== KEY_LENGTH) return undefined;
  return { cost, blockSize, parallelization, salt, key };
}

/** The worker's file: built beside the bundle in dist, the TypeScript source under vitest. */
function workerFile(): string {
  const built = fileURLToPath(new URL('./scrypt-worker.js', import.meta.url));
  return existsSync(built) ? built : fileURLToPath(new URL('./scrypt-worker.ts', import.meta.url));
}

/**
 * Creates a scrypt {@link PasswordHasher}, at OWASP's parameters unless told otherwise. Hashing
 * runs in its own bounded pool of worker threads behind a bounded queue: a flood of sign-ins
 * gets 503s with `Retry-After` at once, and requests that do not hash never wait for it.
 */
export function createPasswordHasher(options: PasswordHasherOptions = {}): PasswordHasher {
  const cost = options.cost ?? 2 ** 17;
  const blockSize = options.blockSize ?? 8;
  const parallelization = options.parallelization ?? 1;
  const threads = options.threads ?? Math.max(1, availableParallelism() - 1);
  const queue = createBoundedWorkQueue({ concurrency: threads, maxWaiting: options.maxWaiting ?? threads * 8 });
  const retryAfter = String(options.retryAfterSeconds ?? 1);
  let pool: Piscina | undefined;
  const derive: ScryptDerivation =
    options.derive ??
    ((task) => {
      // Made on first use, so a server that never hashes starts no threads.
      pool ??= new Piscina({ filename: workerFile(), minThreads: 0, maxThreads: threads, idleTimeout: 10_000 });
      return pool.run(task) as Promise<Uint8Array>;
    });

  async function deriveBounded(
    password: string,
    salt: Uint8Array,
    parameters: { cost: number; blockSize: number; parallelization: number },
  ) {
    try {
      const key = await queue.run(() => derive({ password: password.normalize('NFKC'), salt, keyLength: KEY_LENGTH, ...parameters }));
      return Buffer.from(key);
    } catch (error) {
      if (error instanceof WorkQueueFullError) {
        throw new ServerError('service_unavailable', 'The server is busy: try again in a moment', {
          headers: { 'retry-after': retryAfter },
        });
      }
      throw error;
    }
  }

  let dummy: Promise<string> | undefined;
  const dummyHash = () => {
    dummy ??= hash(randomBytes(24).toString('base64'));
    // A refused warm-up must not leave a rejected promise cached for every later unknown email.
    dummy.catch(() => (dummy = undefined));
    return dummy;
  };

  async function hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_LENGTH);
    const key = await deriveBounded(password, salt, { cost, blockSize, parallelization });
    return ['scrypt', cost, blockSize, parallelization, salt.toString('base64'), key.toString('base64')].join('$');
  }

  async function verify(password: string, encoded: string): Promise<boolean> {
    const parsed = parse(encoded);
    if (!parsed) return false;
    const key = await deriveBounded(password, parsed.salt, parsed);
    return timingSafeEqual(key, parsed.key);
  }

  return {
    hash,
    verify,
    async verifyDummy(password) {
      await verify(password, await dummyHash());
      return false;
    },
    async warmUp() {
      await dummyHash();
    },
    needsRehash(encoded) {
      const parsed = parse(encoded);
      return !parsed || parsed.cost !== cost || parsed.blockSize !== blockSize || parsed.parallelization !== parallelization;
    },
    get load() {
      return queue.load;
    },
    async close() {
      await pool?.destroy();
      pool = undefined;
    },
  };
}
