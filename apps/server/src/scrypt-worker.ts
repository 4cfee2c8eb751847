import { scryptSync } from 'node:crypto';

/** One key derivation, as sent to a worker thread of the hashing pool. */
export interface ScryptTask {
  password: string;
  salt: Uint8Array;
  keyLength: number;
  cost: number;
  blockSize: number;
  parallelization: number;
}

/**
 * Runs in a piscina worker thread. scryptSync blocks this worker's own thread, never libuv's
 * shared pool (which the embedded store and file I/O also need). Kept free of other imports:
 * in tests Node loads this file by stripping its types.
 */
export default function deriveScryptKey(task: ScryptTask): Uint8Array {
  const { cost, blockSize, parallelization } = task;
  // scrypt needs 128·N·r·p bytes; Node's default maxmem (32 MiB) is below OWASP's 128 MiB.
  const maxmem = 256 * cost * blockSize * parallelization;
  return scryptSync(task.password, task.salt, task.keyLength, { N: cost, r: blockSize, p: parallelization, maxmem });
}
