import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

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
}

/** Options for {@link createPasswordHasher}. */
export interface PasswordHasherOptions {
  /** scrypt's CPU/memory cost N, a power of two. Default 2^17 (OWASP). Tests use 2^10. */
  cost?: number;
  /** Block size r. Default 8 (OWASP). */
  blockSize?: number;
  /** Parallelisation p. Default 1 (OWASP). */
  parallelization?: number;
}

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function derive(password: string, salt: Buffer, cost: number, blockSize: number, parallelization: number): Promise<Buffer> {
  // scrypt needs 128·N·r·p bytes; Node's default maxmem (32 MiB) is below OWASP's 128 MiB.
  const options: ScryptOptions = { N: cost, r: blockSize, p: parallelization, maxmem: 256 * cost * blockSize * parallelization };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

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

/** Creates a scrypt {@link PasswordHasher} (node:crypto), at OWASP's parameters unless told otherwise. */
export function createPasswordHasher(options: PasswordHasherOptions = {}): PasswordHasher {
  const cost = options.cost ?? 2 ** 17;
  const blockSize = options.blockSize ?? 8;
  const parallelization = options.parallelization ?? 1;
  let dummy: Promise<string> | undefined;
  const dummyHash = () => (dummy ??= hash(randomBytes(24).toString('base64')));

  async function hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_LENGTH);
    const key = await derive(password, salt, cost, blockSize, parallelization);
    return ['scrypt', cost, blockSize, parallelization, salt.toString('base64'), key.toString('base64')].join('$');
  }

  async function verify(password: string, encoded: string): Promise<boolean> {
    const parsed = parse(encoded);
    if (!parsed) return false;
    const key = await derive(password, parsed.salt, parsed.cost, parsed.blockSize, parsed.parallelization);
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
  };
}
