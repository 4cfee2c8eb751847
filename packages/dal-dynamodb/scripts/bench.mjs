#!/usr/bin/env node
// `pnpm bench`: throughput of the repositories against DynamoDB Local, and the capacity units
// DynamoDB reports for every repository call. Bounded in count and time; loopback only.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createHash, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createRepositories, createTables } from '../dist/index.js';
import { startDynamoDbLocal } from '../dist/local.js';

const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const operationsPerPhase = Number(process.env.BENCH_OPERATIONS ?? 2000);
const maxPhaseMs = Number(process.env.BENCH_MAX_PHASE_MS ?? 20_000);

const local = await startDynamoDbLocal({ searchFrom: fileURLToPath(new URL('.', import.meta.url)), javaOptions: ['-Xmx1g'] });
const client = new DynamoDBClient({
  endpoint: local.endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
});
const documentClient = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
const prefix = `bench-${randomUUID().slice(0, 6)}-`;

/** `repository.method` → { calls, requests, units }: what DynamoDB reported for the calls measured. */
const usage = new Map();
const usageOf = (operation) => {
  if (!usage.has(operation)) usage.set(operation, { calls: 0, requests: 0, units: 0, maxUnits: 0 });
  return usage.get(operation);
};
let recording = true;
const measured = createRepositories({
  documentClient,
  prefix,
  cursorSecret: randomUUID(),
  onConsumedCapacity: (report) => {
    if (!recording) return;
    const entry = usageOf(report.operation);
    entry.requests += 1;
    entry.units += report.capacityUnits;
    entry.maxUnits = Math.max(entry.maxUnits, report.capacityUnits);
  },
});
// Every method counts its calls, so that capacity is shown per repository call, not per request.
const repositories = Object.fromEntries(
  Object.entries(measured).map(([repositoryName, repository]) => [
    repositoryName,
    Object.fromEntries(
      Object.entries(repository).map(([methodName, method]) => [
        methodName,
        (...args) => {
          if (recording) usageOf(`${repositoryName}.${methodName}`).calls += 1;
          return method(...args);
        },
      ]),
    ),
  ]),
);

const user = (email) => ({
  email,
  user_id: randomUUID(),
  display_name: 'Bench Learner',
  created_at: new Date().toISOString(),
  password_hash: 'scrypt$16384$8$1$c2FsdA$aGFzaA',
});
const assessment = (email, index) => ({
  assessment_id: `bench-${randomUUID()}`,
  user_email: email,
  user_id: randomUUID(),
  assessment_type: 'writing_task2',
  overall_band: null,
  criteria_scores: {},
  feedback: '',
  ai_generated: true,
  content_safe: true,
  timestamp: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString(),
  completed: false,
  submission: { essay: 'Some people believe that universities should prepare students for work. '.repeat(20) },
});

async function phase(name, total, operation) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  const deadline = started + maxPhaseMs;
  const worker = async (workerIndex) => {
    while (next < total && performance.now() < deadline) {
      const index = next++;
      const begin = performance.now();
      await operation(index, workerIndex);
      latencies.push(performance.now() - begin);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, workerIndex) => worker(workerIndex)));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const percentile = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return { name, operations: latencies.length, perSecond: latencies.length / seconds, p50: percentile(50), p99: percentile(99) };
}

try {
  await createTables({ client, prefix, pollIntervalMs: 50 });
  console.log(
    `DynamoDB Local at ${local.endpoint}; ${concurrency} requests in flight; up to ${operationsPerPhase} operations or ${maxPhaseMs / 1000} s per phase\n`,
  );

  // Warm the JVM so the first phase is not measuring JIT compilation.
  recording = false;
  await phase('warm-up', 500, (index) => repositories.users.create(user(`warm-${index}-${randomUUID()}@example.com`)));
  recording = true;

  const emails = [];
  const results = [];
  results.push(
    await phase('put (users.create)', operationsPerPhase, async (index) => {
      const email = `bench-${index}-${randomUUID().slice(0, 8)}@example.com`;
      await repositories.users.create(user(email));
      emails.push(email);
    }),
  );
  results.push(await phase('get (users.get)', operationsPerPhase, (index) => repositories.users.get(emails[index % emails.length])));
  // Each worker updates its own users (every concurrency-th email), so versions are known and no update conflicts.
  const versions = new Map();
  const rounds = Array.from({ length: concurrency }, () => 0);
  const ownEmails = Array.from({ length: concurrency }, (_, workerIndex) =>
    emails.filter((_, index) => index % concurrency === workerIndex),
  );
  results.push(
    await phase('conditional update (users.update)', operationsPerPhase, async (index, workerIndex) => {
      const own = ownEmails[workerIndex];
      const email = own[rounds[workerIndex]++ % own.length];
      const expectedVersion = versions.get(email) ?? 0;
      const updated = await repositories.users.update(email, { display_name: `Learner ${index}` }, { expectedVersion });
      versions.set(email, updated.version);
    }),
  );

  const historyUsers = emails.slice(0, 20);
  recording = false;
  await Promise.all(
    historyUsers.map(async (email) => {
      for (let index = 0; index < 60; index++) await repositories.assessments.save(assessment(email, index));
    }),
  );
  recording = true;
  results.push(
    await phase('GSI query, history page of 20 (assessments.listByUser)', operationsPerPhase, (index) =>
      repositories.assessments.listByUser(historyUsers[index % historyUsers.length], { limit: 20 }),
    ),
  );

  console.log('Throughput');
  console.log(`${'operation'.padEnd(58)} ${'ops/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'count'.padStart(7)}`);
  for (const result of results) {
    console.log(
      `${result.name.padEnd(58)} ${result.perSecond.toFixed(0).padStart(8)} ${result.p50.toFixed(2).padStart(8)} ${result.p99.toFixed(2).padStart(8)} ${String(result.operations).padStart(7)}`,
    );
  }

  // One call of every other repository method, for its capacity report.
  const email = emails[0];
  const purchase = {
    purchase_id: `txn-${randomUUID()}`,
    product_id: 'pack',
    assessment_types: ['writing_task2'],
    assessments: 4,
    purchased_at: new Date().toISOString(),
    source: 'web',
  };
  await repositories.users.addPurchase(email, purchase);
  await repositories.users.recordLogin(email);
  await repositories.users.consumeAllowance(email, 'writing_task2', { limit: 3, countExisting: async () => 0 });
  await repositories.users.consumeAllowance(email, 'writing_task2', { limit: 3, countExisting: async () => 0 });
  await repositories.users.releaseAllowance(email, 'writing_task2');
  await repositories.users.reconcileAllowance(email, 'writing_task2', { stored: 0, settledBefore: new Date() });
  await repositories.users.getAllowanceUsage(email);
  await repositories.users.getWithAllowanceUsage(email);
  await repositories.users.initializeAllowance(email, { listening: 0 });
  const now = Math.floor(Date.now() / 1000);
  const newSession = () =>
    repositories.sessions.create({
      session_id: createHash('sha256').update(randomUUID()).digest('hex'),
      user_email: email,
      user_id: randomUUID(),
      created_at: new Date().toISOString(),
      expires_at: now + 3600,
      absolute_expires_at: now + 86_400,
      last_seen_at: now,
    });
  const session = await newSession();
  await repositories.sessions.get(session.session_id);
  await repositories.sessions.touch(session.session_id, { expiresAt: now + 7200 });
  await repositories.sessions.listForUser(email);
  await repositories.sessions.delete(session.session_id);
  await repositories.sessions.consume((await newSession()).session_id);
  for (let index = 0; index < 3; index++) await newSession();
  await repositories.sessions.deleteAllForUser(email);
  const claim = {
    userEmail: email,
    scope: 'writing.evaluate',
    idempotencyKey: `bench-${randomUUID()}`,
    fingerprint: 'bench',
    targetAssessmentId: randomUUID(),
  };
  await repositories.assessments.claimIdempotencyKey(claim);
  await repositories.assessments.releaseIdempotencyKey(claim);
  const saved = await repositories.assessments.save({ ...assessment(email, 999), idempotency_key: `bench-${randomUUID()}` });
  const abandoned = await repositories.assessments.save({ ...assessment(email, 998), assessment_type: 'speaking' });
  await repositories.assessments.discardInProgress(abandoned.assessment.assessment_id, { expectedVersion: abandoned.assessment.version });
  await repositories.assessments.get(saved.assessment.assessment_id);
  await repositories.assessments.updateProgress(
    saved.assessment.assessment_id,
    { submission: { essay: 'A second draft.' } },
    { expectedVersion: 0 },
  );
  await repositories.assessments.countByType(historyUsers[0]);
  await repositories.assessments.updateCompletion(saved.assessment.assessment_id, {
    assessment_type: 'writing_task2',
    overall_band: 6.5,
    criteria_scores: {
      task_response: { band: 6.5, feedback: 'ok' },
      coherence_cohesion: { band: 7, feedback: 'ok' },
      lexical_resource: { band: 6.5, feedback: 'ok' },
      grammatical_range_accuracy: { band: 6, feedback: 'ok' },
    },
    feedback: 'ok',
    ai_generated: true,
    content_safe: true,
    provenance: { provider: 'offline', model_id: null, token_usage: null, cost_usd: 0, latency_ms: 1 },
  });
  const question = {
    question_id: `q-${randomUUID()}`,
    assessment_type: 'writing_task2',
    title: 'Work and study',
    prompt: 'Discuss both views.',
    word_limit: 250,
    time_limit: 40,
  };
  await repositories.questions.putMany([question]);
  await repositories.questions.get(question.question_id);
  await repositories.questions.listByType('writing_task2');
  await repositories.questions.listPageByType('writing_task2', { limit: 5 });
  await repositories.rubrics.put({
    rubric_id: `rubric-${randomUUID()}`,
    assessment_type: 'writing_task2',
    criteria: [{ criterion: 'task_response', name: 'Task Response' }],
    band_descriptors: {},
    weight: 2,
    version: '2023-05',
  });
  await repositories.rubrics.getByType('writing_task2');
  const report = await repositories.contentReports.create({
    report_id: `report-${randomUUID()}`,
    reporter_email: email,
    reporter_user_id: randomUUID(),
    target: { kind: 'assessment', id: saved.assessment.assessment_id },
    reason: 'other',
    status: 'open',
    created_at: new Date().toISOString(),
    updated_at: new Date().toISOString(),
  });
  await repositories.contentReports.listByStatus('open');
  await repositories.contentReports.updateStatus(report.report_id, 'resolved');
  await repositories.aiSafetyLogs.append({
    log_id: `log-${randomUUID()}`,
    assessment_id: saved.assessment.assessment_id,
    check: 'prompt_injection',
    verdict: 'pass',
    created_at: new Date().toISOString(),
  });
  await repositories.aiSafetyLogs.listByAssessment(saved.assessment.assessment_id);
  const limitKey = `login-account:${email}`;
  await repositories.rateLimits.consume(limitKey, { limit: 5, windowSeconds: 900 });
  await repositories.rateLimits.get(limitKey);
  await repositories.rateLimits.release(limitKey);
  await repositories.rateLimits.reset(limitKey);
  const held = await repositories.outbox.enqueue(
    { kind: 'bench_notice', recipient: email },
    { availableAt: new Date(Date.now() + 60_000) },
  );
  await repositories.outbox.release(held.message_id);
  await repositories.outbox.get(held.message_id);
  const owner = `bench-${randomUUID()}`;
  const leased = (await repositories.outbox.claimDue({ owner, leaseSeconds: 60, messageIds: [held.message_id] })).find(
    (claim) => claim.message.message_id === held.message_id,
  );
  const retried = await repositories.outbox.recordFailure(leased, { error: 'bench', retryAt: new Date() });
  const [again] = await repositories.outbox.claimDue({ owner, leaseSeconds: 60, messageIds: [retried.message_id] });
  await repositories.outbox.markDead(again, { error: 'bench' });
  const sent = await repositories.outbox.enqueue({ kind: 'bench_notice', recipient: email });
  const [sending] = await repositories.outbox.claimDue({ owner, leaseSeconds: 60, messageIds: [sent.message_id] });
  await repositories.outbox.markSent(sending);
  await repositories.outbox.listDead({ limit: 10 });
  await repositories.outbox.countDead();

  const every = Object.entries(measured).flatMap(([repositoryName, repository]) =>
    Object.keys(repository).map((methodName) => `${repositoryName}.${methodName}`),
  );
  const missing = every.filter((operation) => !usage.get(operation)?.calls);
  if (missing.length > 0) throw new Error(`the benchmark does not call ${missing.join(', ')}`);

  console.log('\nConsumed capacity per repository call (ReturnConsumedCapacity: TOTAL, as DynamoDB Local reports it)');
  console.log('A call may send several requests (a re-read after a failed condition, pages, batches); its units are their sum.');
  console.log(
    `${'repository call'.padEnd(34)} ${'calls'.padStart(6)} ${'requests'.padStart(9)} ${'CU/call'.padStart(8)} ${'max CU/request'.padStart(15)}`,
  );
  for (const operation of every) {
    const { calls, requests, units, maxUnits } = usage.get(operation);
    console.log(
      `${operation.padEnd(34)} ${String(calls).padStart(6)} ${String(requests).padStart(9)} ${(units / calls).toFixed(2).padStart(8)} ${maxUnits.toFixed(2).padStart(15)}`,
    );
  }
} finally {
  client.destroy();
  await local.close();
}
