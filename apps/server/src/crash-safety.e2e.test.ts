import { createHash, randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApiClient } from '@ielts-genai-prep/api-client';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { TASK2_ESSAY } from './test-support/essays.js';
import { wholeHistory } from './test-support/keyed-submissions.js';
import { processExited, startMainProcess } from './test-support/main-process.js';
import { GOOD_PASSWORD } from './test-support/test-server.js';

// `node dist/main.js` killed with SIGKILL at five points of one bounded burst of keyed writing
// submissions, and started again on the same data after each: what it answered 2xx must be there,
// once, in the history and by id, every history entry must have its item, and the allowance must
// add up. The embedded store is dynalite on LevelDB in the server's process: its writes are in the
// operating system's files when a request is answered, so they outlive the process.

/** Printed, and taken from CRASH_SEED when set, so that a failing run's kill points can be replayed. */
const SEED = process.env.CRASH_SEED ? Number(process.env.CRASH_SEED) : randomInt(2 ** 31);
if (!Number.isSafeInteger(SEED)) throw new TypeError(`CRASH_SEED must be a whole number, not ${process.env.CRASH_SEED}`);
const KILLS = 5;
/** Workers sending submissions at once: the kill finds the others in flight. */
const CONCURRENCY = 4;
/** The acknowledged submissions before each kill are drawn from 1 to this. */
const MOST_BEFORE_KILL = 6;

/** The number in 1..`most` for kill `index`, from the seed alone (no generator state to share). */
function drawn(index: number, most: number): number {
  return (createHash('sha256').update(`${SEED}:${index}`).digest().readUInt32BE(0) % most) + 1;
}
const killAfter = Array.from({ length: KILLS }, (_, index) => drawn(index, MOST_BEFORE_KILL));
/** Bounded: room for every round to reach its kill with all workers busy, and a last round after the last kill. */
const BURST = killAfter.reduce((sum, count) => sum + count, 0) + KILLS * CONCURRENCY + CONCURRENCY;
console.log(
  `crash-safety: seed ${SEED} (CRASH_SEED=${SEED} replays it): ${BURST} submissions, killed after ${killAfter.join(', ')} answers`,
);

const dataDirectories: string[] = [];
afterAll(() => {
  for (const directory of dataDirectories) rmSync(directory, { recursive: true, force: true });
});

const commonEnvironment = {
  PORT: '0',
  SCRYPT_COST: '1024',
  OFFLINE_GRAMMAR_CHECK: 'false',
  // Enough free assessments that the burst is never refused for want of one, before confirming too.
  FREE_ASSESSMENTS_PER_TYPE: '1000',
  FREE_ASSESSMENTS_BEFORE_VERIFICATION: '1000',
  // Nothing runs after a restart but this test: every count is settled at the next sign-in.
  ALLOWANCE_SETTLE_SECONDS: '0',
  SES_FROM_ADDRESS: '',
  BEDROCK_ENABLED: 'false',
  // A busy machine (a shared JVM, or the whole suite on two cores) must not turn a slow store
  // request into a 503: this test is about kills, and the fault tests cover deadlines.
  DYNAMODB_REQUEST_TIMEOUT_MS: '60000',
};

const stores: Array<{ name: string; environment: () => Record<string, string> }> = [
  { name: 'the embedded store', environment: () => ({ AWS_REGION: '', DYNAMODB_ENDPOINT: '' }) },
  {
    name: 'DynamoDB Local',
    environment: () => ({
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      DYNAMODB_ENDPOINT: inject('dynamoDbLocalEndpoint'),
      TABLE_PREFIX: `c${randomUUID().slice(0, 8)}-`,
      CREATE_TABLES: 'true',
    }),
  },
];

describe.each(stores)(
  'a server on $name killed at five points of a burst of submissions',
  { timeout: 900_000 },
  ({ name, environment }) => {
    it('keeps every answered submission once, in the history and by id, and counts the allowance to match', async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'ielts-crash-'));
      dataDirectories.push(dataDir);
      // One table set (or one folder) for every instance.
      const processEnvironment = { ...commonEnvironment, ...environment(), DATA_DIR: dataDir };
      const email = `crash-${randomUUID().slice(0, 8)}@example.com`;
      /** Burst indices still to send: those cut off by a kill come first, retried with their key. */
      const queue = Array.from({ length: BURST }, (_, index) => index);
      /** Burst index → the assessment id of its 2xx answer. */
      const answered = new Map<number, string>();
      /** Retries of a cut-off key whose first attempt holds it still (409 `in_progress`): not answered, not sent again. */
      let heldKeys = 0;
      let inFlightAtKills = 0;
      /** Burst indices cut off by a kill and sent again. */
      const cutOff = new Set<number>();

      /** After a restart: sign in (which settles the allowance), then check every invariant. */
      const verify = async (url: string) => {
        const client = createApiClient({ baseUrl: url, retry: false });
        const { token } = await client.auth.login({ email, password: GOOD_PASSWORD, client: 'mobile' });
        if (!token) throw new Error('a mobile sign-in gave no token');
        const signedIn = createApiClient({ baseUrl: url, getToken: () => token, retry: false });
        // Small pages, so that the history is read across several cursors.
        const history = await wholeHistory(signedIn, 7);
        // No id twice, and every answered submission in the history.
        expect(new Set(history).size).toBe(history.length);
        expect([...answered.values()].filter((id) => !history.includes(id))).toEqual([]);
        // Every history entry has its item, completed (answered, or stored just before a kill).
        for (const id of history)
          await expect(signedIn.assessments.get({ id })).resolves.toMatchObject({ assessment_id: id, completed: true });
        // The sign-in gave back what requests killed between counting and storing had counted (see
        // README.md, "Entitlements"): the allowance used is the assessments stored.
        const writing = (await signedIn.entitlements.get()).entitlements.find((entry) => entry.assessment_type === 'writing_task2')!;
        expect(writing.used).toBe(history.length);
        return { token, history };
      };

      /** Sends the queue's submissions, CONCURRENCY at a time; kills the server after `killAt` 2xx answers (never when undefined). */
      const burst = async (server: Awaited<ReturnType<typeof startMainProcess>>, token: string, killAt: number | undefined) => {
        let acknowledged = 0;
        let inFlight = 0;
        let killed = false;
        const submit = (index: number) =>
          fetch(`${server.url}/api/writing/evaluate`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ question_id: 'w2-001', essay: TASK2_ESSAY, idempotency_key: `crash-burst-${index}` }),
          });
        const worker = async () => {
          while (!killed && queue.length > 0) {
            const index = queue.shift()!;
            inFlight += 1;
            let settled = false;
            try {
              const response = await submit(index);
              if (response.status === 201 || response.status === 200) {
                const body = (await response.json()) as { assessment_id: string };
                // The server answered 2xx, even if it is being killed now: that answer must hold.
                answered.set(index, body.assessment_id);
                acknowledged += 1;
                settled = true;
              } else if (
                response.status === 409 &&
                ((await response.json()) as { error?: { code?: string } }).error?.code === 'in_progress'
              ) {
                heldKeys += 1;
                settled = true;
              } else {
                throw new Error(`submission ${index} answered ${response.status}: ${await response.text()}`);
              }
            } catch (error) {
              // The connection died with the server: not answered, and sent again after the restart.
              if (!killed) throw error;
            } finally {
              inFlight -= 1;
              if (!settled) {
                cutOff.add(index);
                queue.unshift(index);
              }
            }
            if (!killed && killAt !== undefined && acknowledged >= killAt) {
              killed = true;
              inFlightAtKills += inFlight;
              server.child.kill('SIGKILL');
            }
          }
        };
        await Promise.all(Array.from({ length: CONCURRENCY }, worker));
        return killed;
      };

      const first = await startMainProcess(processEnvironment);
      let server = first;
      try {
        const anonymous = createApiClient({ baseUrl: first.url, retry: false });
        await anonymous.auth.register({ email, password: GOOD_PASSWORD });
        for (let round = 0; round <= KILLS; round += 1) {
          const { token, history } = await verify(server.url);
          if (round === KILLS) {
            // The last instance finishes the burst: every key is answered, or held by a killed first attempt.
            expect(await burst(server, token, undefined)).toBe(false);
            const final = await verify(server.url);
            expect(answered.size + heldKeys).toBe(BURST);
            // A stored assessment is answered to its key's retry, and a held key stored nothing: the
            // history is exactly the answered submissions.
            expect([...final.history].sort()).toEqual([...answered.values()].sort());
            break;
          }
          expect(history.length).toBeGreaterThanOrEqual(answered.size);
          expect(await burst(server, token, killAfter[round])).toBe(true);
          await processExited(server.child);
          server = await startMainProcess(processEnvironment);
        }
        // Some kill found requests under way, so it cut something off.
        expect(inFlightAtKills).toBeGreaterThan(0);
        const answeredOnRetry = [...cutOff].filter((index) => answered.has(index)).length;
        console.log(
          `crash-safety on ${name}: ${answered.size} answered (${answeredOnRetry} of them on a retry after a kill), ${heldKeys} held by a killed first attempt, ${inFlightAtKills} in flight at the kills`,
        );
      } finally {
        server.child.kill('SIGTERM');
        await processExited(server.child);
      }
    });
  },
);
