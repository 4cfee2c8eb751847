import { describe, expect, it } from 'vitest';
import { createPasswordHasher } from './password-hasher.js';
import { isCommonPassword, passwordProblem } from './password-policy.js';

describe('password hasher', () => {
  const hasher = createPasswordHasher({ cost: 1024 });

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
  });
});

describe('timing', () => {
  it('spends about as long on an unknown email (dummy hash) as on a wrong password', async () => {
    const hasher = createPasswordHasher({ cost: 2 ** 14 });
    await hasher.warmUp();
    const encoded = await hasher.hash('the real password');
    // Interleaved, so that load from other work on the machine falls on both alike.
    const wrongTimes: number[] = [];
    const unknownTimes: number[] = [];
    const time = async (run: () => Promise<unknown>, into: number[]) => {
      const started = performance.now();
      await run();
      into.push(performance.now() - started);
    };
    for (let index = 0; index < 9; index += 1) {
      await time(() => hasher.verify('a wrong password', encoded), wrongTimes);
      await time(() => hasher.verifyDummy('a wrong password'), unknownTimes);
    }
    const median = (times: number[]) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    const wrong = median(wrongTimes);
    const unknown = median(unknownTimes);
    expect(unknown / wrong).toBeGreaterThan(0.5);
    expect(unknown / wrong).toBeLessThan(2);
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
