import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort, startDynamoDbLocal, type DynamoDbLocal } from '@ielts-genai-prep/dal-dynamodb/local';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startDelayingProxy, type DelayingProxy } from './test-support/delaying-proxy.js';
import { expectWholeRecords, recordingClient, submitEssay, type Outcome } from './test-support/keyed-submissions.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';

// DynamoDB failing under a server that is taking writes: stopped and started again (a DynamoDB
// Local of this file's own, on a fixed port, its data in a folder so that it outlives the
// restart), and slowed by a proxy that holds each request. What the server acknowledged must be
// stored; what it refused must leave nothing half-written; a refusal is a quick 503 with
// Retry-After, never a 500 or a hang.

/** Resolves once `condition` holds (checked every 20 ms; the test's timeout bounds the wait). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** A server on the DynamoDB at `dynamoEndpoint` with a request deadline of `deadlineMs`, and allowances that never run out. */
function startFaultServer(dynamoEndpoint: string, deadlineMs: number): Promise<TestServer> {
  return startTestServer({
    dynamoEndpoint,
    env: {
      FREE_ASSESSMENTS_PER_TYPE: '1000',
      FREE_ASSESSMENTS_BEFORE_VERIFICATION: '1000',
      ALLOWANCE_SETTLE_SECONDS: '0',
      DYNAMODB_REQUEST_TIMEOUT_MS: String(deadlineMs),
    },
  });
}

describe('DynamoDB stopped in the middle of a load run and started again', () => {
  /** The request deadline: a refused connection must answer well inside it, not wait it out. */
  const DEADLINE_MS = 10_000;
  const WORKERS = 3;
  let dataFolder: string;
  let port: number;
  let dynamo: DynamoDbLocal | undefined;
  let server: TestServer;
  const start = () =>
    startDynamoDbLocal({
      searchFrom: import.meta.dirname,
      port,
      dbPath: dataFolder,
      javaOptions: ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'],
      startTimeoutMs: 60_000,
    });

  beforeAll(async () => {
    dataFolder = mkdtempSync(path.join(tmpdir(), 'dynamodb-faults-'));
    port = await findFreePort();
    dynamo = await start();
    server = await startFaultServer(dynamo.endpoint, DEADLINE_MS);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await dynamo?.close();
    if (dataFolder) rmSync(dataFolder, { recursive: true, force: true });
  });

  it('answers 2xx or a quick 503 with Retry-After throughout, and keeps every acknowledged submission whole', async () => {
    const { email, token } = await server.signUp();
    const recording = recordingClient(server.baseUrl, token);
    const outcomes: Outcome[] = [];
    // `restarting`: sent while DynamoDB Local starts again, answered either way.
    type Phase = 'before' | 'outage' | 'restarting' | 'after';
    let phase: Phase = 'before';
    const byPhase: Record<Phase, Outcome[]> = { before: [], outage: [], restarting: [], after: [] };
    let next = 0;
    let stopped = false;

    // Each worker sends one keyed submission after another until told to stop; the phase a
    // submission belongs to is the one it was sent in.
    const worker = async () => {
      while (!stopped) {
        const sentIn = phase;
        const outcome = await submitEssay(recording, `faults-outage-${next++}`);
        outcomes.push(outcome);
        byPhase[sentIn].push(outcome);
      }
    };
    const acknowledgedIn = (name: Phase) => byPhase[name].filter((outcome) => outcome.assessmentId).length;

    const workers = Array.from({ length: WORKERS }, worker);
    await until(() => acknowledgedIn('before') >= 4);
    await dynamo!.close();
    dynamo = undefined;
    phase = 'outage';
    // Submissions sent while nothing listens on DynamoDB's port.
    await until(() => byPhase.outage.length >= 6);
    phase = 'restarting';
    dynamo = await start();
    phase = 'after';
    await until(() => acknowledgedIn('after') >= 4);
    stopped = true;
    await Promise.all(workers);

    // Every answer was a success or a 503 with Retry-After: no 500, no other error.
    expect(outcomes.filter((outcome) => !(outcome.status === 201 || (outcome.status === 503 && outcome.retryAfter !== null)))).toEqual([]);
    // While DynamoDB was down, every submission failed with a 503 and Retry-After (a refused
    // connection is a typed `unavailable`, not a 500).
    expect(byPhase.outage.every((outcome) => outcome.status === 503 && outcome.retryAfter !== null)).toBe(true);

    const acknowledged = outcomes.flatMap((outcome) => (outcome.assessmentId ? [outcome.assessmentId] : []));
    const history = await expectWholeRecords(server, email, acknowledged);
    // The data folder kept what was written before the stop: it is stored and was not written again.
    expect(history.length).toBeGreaterThanOrEqual(acknowledgedIn('before') + acknowledgedIn('after'));
  }, 180_000);
});

describe('DynamoDB slowed by a delaying proxy', () => {
  /** The server's DynamoDB request deadline, small; the proxy holds requests far longer. */
  const DEADLINE_MS = 1500;
  const HELD_MS = 600_000;
  let proxy: DelayingProxy;
  let server: TestServer;

  beforeAll(async () => {
    proxy = await startDelayingProxy(inject('dynamoDbLocalEndpoint'));
    server = await startFaultServer(proxy.url, DEADLINE_MS);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await proxy?.close();
  });

  it('ends each request at its deadline with a 503 and Retry-After, writes nothing half, and answers again once DynamoDB is quick', async () => {
    const { email, token } = await server.signUp();
    const recording = recordingClient(server.baseUrl, token);
    const expectHeldOff = (outcome: Outcome) => {
      expect(outcome).toMatchObject({ status: 503, retryAfter: expect.any(String) });
      // Ended by the server's deadline: the proxy holds every request for ten minutes, longer than the test may run.
    };

    // Every request slow: the session lookup itself is held.
    proxy.setDelay(HELD_MS);
    const held = await server.request('/api/assessments', { headers: { authorization: `Bearer ${token}` } });
    expectHeldOff({ key: 'read', status: held.status, retryAfter: held.headers.get('retry-after') });
    expectHeldOff(await submitEssay(recording, 'faults-slow-all'));

    // Only writes slow: each submission gets past sign-in and is held at its first write, which
    // DynamoDB carries out after the server has given up on it.
    proxy.setDelay(HELD_MS, ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);
    const before = proxy.lateApplied();
    const slow = await Promise.all([1, 2, 3].map((index) => submitEssay(recording, `faults-slow-write-${index}`)));
    for (const outcome of slow) expectHeldOff(outcome);
    // Each held write reached DynamoDB once its client had gone (the proxy sees the close a moment after the 503).
    await until(() => proxy.lateApplied() - before >= slow.length);

    proxy.setDelay(0);
    await proxy.settled();
    const quick = await submitEssay(recording, 'faults-quick');
    expect(quick).toMatchObject({ status: 201, assessmentId: expect.any(String) });
    await expectWholeRecords(server, email, [quick.assessmentId!]);
  }, 120_000);
});
