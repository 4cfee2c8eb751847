import { afterAll, describe, expect, it } from 'vitest';
import { createPasswordHasher } from './password-hasher.js';
import deriveScryptKey, { type ScryptTask } from './scrypt-worker.js';
import { isCommonPassword, passwordProblem } from './password-policy.js';
import { ServerError } from './server-error.js';

describe('password hasher', () => {
  const hasher = createPasswordHasher({ cost: 1024 });
  afterAll(() => hasher.close());

  it('verifies the right password and refuses others', async () => {
    const encoded = await hasher.hash('correct horse battery staple');
    expect(encoded).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]{44}$/);
    expect(await hasher.verify('correct horse battery staple', encoded)).toBe(true);
    expect(await hasher.verify('Correct horse battery staple', encoded)).toBe(false);
    expect(await hasher.verify('correct horse battery staple', 'not-a-hash')).toBe(false);
    expect(await hasher.verifyDummy('anything')).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hasher.hash('same password')).not.toBe(await hasher.hash('same password'));
  });

  it('defaults to OWASP parameters (N = 2^17, r = 8, p = 1)', async () => {
    const owasp = createPasswordHasher();
    const encoded = await owasp.hash('correct horse battery staple');
    expect(encoded.startsWith('scrypt$131072$8$1$')).toBe(true);
    expect(await owasp.verify('correct horse battery staple', encoded)).toBe(true);
    // A hash made at a lower cost still verifies, and is flagged for rehashing.
    expect(owasp.needsRehash(await hasher.hash('x'))).toBe(true);
    expect(owasp.needsRehash(encoded)).toBe(false);
    await owasp.close();
  });

  it('refuses a hash at once with a 503 and Retry-After when its threads and queue are full', async () => {
    const releases: Array<() => void> = [];
    // A derivation that ends only when the test lets it: the test, not the machine, sets the timing.
    const held = createPasswordHasher({
      cost: 1024,
      threads: 1,
      maxWaiting: 1,
      retryAfterSeconds: 2,
      derive: () => new Promise((resolve) => releases.push(() => resolve(new Uint8Array(32)))),
    });
    expect(held.load).toEqual({ running: 0, waiting: 0 });
    const accepted = [held.hash('first password'), held.hash('second password')];
    expect(held.load).toEqual({ running: 1, waiting: 1 });
    const refused = await held.hash('third password').catch((error: unknown) => error);
    expect(ServerError.isInstance(refused)).toBe(true);
    expect((refused as ServerError).status).toBe(503);
    expect((refused as ServerError).headers).toEqual({ 'retry-after': '2' });
    expect(releases).toHaveLength(1);
    releases[0]!();
    await accepted[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(releases).toHaveLength(2);
    expect(held.load).toEqual({ running: 1, waiting: 0 });
    releases[1]!();
    expect(await Promise.all(accepted)).toHaveLength(2);
    expect(held.load).toEqual({ running: 0, waiting: 0 });
  });
});

describe('equal work', () => {
  // Timing is measured in the bench, never here: a busy machine makes any two timings differ. What
  // makes an unknown email as slow as a wrong password is that both derive one key at the same
  // parameters, and that is what these tests count.
  const recordingHasher = () => {
    const derivations: Array<Omit<ScryptTask, 'password' | 'salt'> & { saltBytes: number }> = [];
    const hasher = createPasswordHasher({
      cost: 2 ** 12,
      derive: async (task) => {
        derivations.push({
          cost: task.cost,
          blockSize: task.blockSize,
          parallelization: task.parallelization,
          keyLength: task.keyLength,
          saltBytes: task.salt.length,
        });
        return deriveScryptKey(task);
      },
    });
    return { hasher, derivations };
  };

  it('derives one key at the same parameters for an unknown email (the dummy hash) as for a wrong password', async () => {
    const { hasher, derivations } = recordingHasher();
    const encoded = await hasher.hash('the real password');
    await hasher.warmUp();
    derivations.length = 0;
    expect(await hasher.verify('a wrong password', encoded)).toBe(false);
    expect(await hasher.verifyDummy('a wrong password')).toBe(false);
    expect(derivations).toHaveLength(2);
    expect(derivations[1]).toEqual(derivations[0]);
    expect(derivations[0]).toMatchObject({ cost: 2 ** 12, blockSize: 8, parallelization: 1 });
  });

  it('makes the dummy hash once, so no unknown email pays for it twice', async () => {
    const { hasher, derivations } = recordingHasher();
    for (let index = 0; index < 3; index += 1) await hasher.verifyDummy(`guess ${index}`);
    // One to make the dummy hash, then one per verification.
    expect(derivations).toHaveLength(4);
  });
});

describe('password policy', () => {
  it('refuses common passwords whatever their case', () => {
    for (const password of ['password', 'PASSWORD1', 'qwerty123', '12345678', 'iloveyou', 'sunshine']) {
      expect(isCommonPassword(password), password).toBe(true);
    }
    expect(isCommonPassword('correct horse battery staple')).toBe(false);
  });

  it('refuses the account email as the password', () => {
    expect(passwordProblem('ana.silva@example.com', 'Ana.Silva@example.com')).toMatch(/email/);
    expect(passwordProblem('ana.silva', 'ana.silva@example.com')).toMatch(/email/);
    expect(passwordProblem('a good long passphrase', 'ana@example.com')).toBeUndefined();
  });
});
