import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApiClient, type ApiClient } from '@ielts-genai-prep/api-client';
import { afterAll, describe, expect, it } from 'vitest';
import { TASK2_ESSAY } from './test-support/essays.js';
import { processExited, startMainProcess } from './test-support/main-process.js';
import { GOOD_PASSWORD } from './test-support/test-server.js';

// `node dist/main.js` on the embedded store, killed with SIGKILL in the middle of a burst of
// writing submissions, then started again on the same folder: what it answered 2xx must be there,
// once, in the history and by id, and the allowance must add up.
const dataDir = mkdtempSync(path.join(tmpdir(), 'ielts-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const environment = {
  DATA_DIR: dataDir,
  PORT: '0',
  SCRYPT_COST: '1024',
  OFFLINE_GRAMMAR_CHECK: 'false',
  // Enough free assessments that the burst is never refused for want of one, before confirming too.
  FREE_ASSESSMENTS_PER_TYPE: '1000',
  FREE_ASSESSMENTS_BEFORE_VERIFICATION: '1000',
  // Nothing runs after the restart but this test: every count is settled at the next sign-in.
  ALLOWANCE_SETTLE_SECONDS: '0',
  AWS_REGION: '',
  DYNAMODB_ENDPOINT: '',
  SES_FROM_ADDRESS: '',
};

const startServer = () => startMainProcess(environment);

/** Every page of the history, in order. */
async function wholeHistory(client: ApiClient): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.assessments.list({ limit: 7, ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.map((item) => item.assessment_id));
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return ids;
}

describe('a server killed in the middle of a burst of submissions', { timeout: 600_000 }, () => {
  it('keeps every answered submission once, in the history and by id, and counts the allowance to match', async () => {
    const email = `crash-${randomUUID().slice(0, 8)}@example.com`;
    const first = await startServer();
    let answered: string[] = [];
    let inFlightAtKill = 0;
    try {
      const anonymous = createApiClient({ baseUrl: first.url, retry: false });
      await anonymous.auth.register({ email, password: GOOD_PASSWORD });
      const { token } = await anonymous.auth.login({ email, password: GOOD_PASSWORD, client: 'mobile' });
      const submit = (index: number) =>
        fetch(`${first.url}/api/writing/evaluate`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ question_id: 'w2-001', essay: TASK2_ESSAY, idempotency_key: `crash-burst-${index}` }),
        });

      // At most 60 submissions, six at a time; the kill comes with the tenth answer, others in flight.
      const KILL_AFTER = 10;
      let next = 0;
      let inFlight = 0;
      let killed = false;
      const worker = async () => {
        while (!killed && next < 60) {
          const index = next++;
          inFlight += 1;
          try {
            const response = await submit(index);
            if (response.status === 201 || response.status === 200) {
              const body = (await response.json()) as { assessment_id: string };
              if (!killed) answered.push(body.assessment_id);
            }
          } catch {
            // The connection died with the server: not answered.
          } finally {
            inFlight -= 1;
          }
          if (!killed && answered.length >= KILL_AFTER) {
            killed = true;
            inFlightAtKill = inFlight;
            first.child.kill('SIGKILL');
          }
        }
      };
      await Promise.all(Array.from({ length: 6 }, worker));
      expect(killed).toBe(true);
    } finally {
      first.child.kill('SIGKILL');
      await processExited(first.child);
    }
    answered = [...new Set(answered)];
    expect(answered.length).toBeGreaterThanOrEqual(10);

    const second = await startServer();
    try {
      const client = createApiClient({ baseUrl: second.url, retry: false });
      const { token } = await client.auth.login({ email, password: GOOD_PASSWORD, client: 'mobile' });
      const signedIn = createApiClient({ baseUrl: second.url, getToken: () => token, retry: false });
      const history = await wholeHistory(signedIn);
      // No id twice, and every answered submission in the history.
      expect(new Set(history).size).toBe(history.length);
      expect(answered.filter((id) => !history.includes(id))).toEqual([]);
      // Every history entry has its item, completed (answered or stored just before the kill).
      for (const id of history)
        await expect(signedIn.assessments.get({ id })).resolves.toMatchObject({ assessment_id: id, completed: true });
      // The sign-in gave back what requests killed between counting and storing had counted (see
      // README.md, "Entitlements"): the allowance used is the assessments stored.
      const writing = (await signedIn.entitlements.get()).entitlements.find((entry) => entry.assessment_type === 'writing_task2')!;
      expect(writing.used).toBe(history.length);
      expect(inFlightAtKill).toBeGreaterThan(0);
    } finally {
      second.child.kill('SIGTERM');
      await processExited(second.child);
    }
  });
});
